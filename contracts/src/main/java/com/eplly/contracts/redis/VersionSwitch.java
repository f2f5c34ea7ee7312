package com.eplly.contracts.redis;

/**
 * A planned change of the active pointer: from the version seen active (null: none) to another.
 * Applied with a compare-and-set on {@code from}, so a switch planned on a stale view fails.
 */
public record VersionSwitch(String from, String to) {}
