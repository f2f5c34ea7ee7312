package com.eplly.contracts.experiment.stats;

/** Cumulative counts of the control and one treatment at one look (e.g. the end of a UTC day). */
public record Look(Proportion control, Proportion treatment) {}
