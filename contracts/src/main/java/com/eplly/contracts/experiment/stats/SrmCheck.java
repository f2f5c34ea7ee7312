package com.eplly.contracts.experiment.stats;

/**
 * The outcome of a sample-ratio-mismatch check.
 *
 * @param chiSquare Pearson's statistic of the per-arm counts against the shares
 * @param pValue    its p-value (chi-square, arms - 1 degrees of freedom)
 * @param ok        false when the split is too unlikely under the configured shares: results are suspect
 */
public record SrmCheck(double chiSquare, double pValue, boolean ok) {}
