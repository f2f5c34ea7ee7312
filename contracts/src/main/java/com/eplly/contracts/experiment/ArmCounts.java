package com.eplly.contracts.experiment;

/**
 * Cumulative counts of one arm at one moment, from the live counters or from the lake.
 *
 * @param units    distinct readers or sessions assigned (the sample-ratio check's input)
 * @param served   recommendation answers served
 * @param viewable viewable impressions (at least half the block on screen for one second)
 * @param clicks   attributed clicks
 */
public record ArmCounts(long units, long served, long viewable, long clicks) {

  public static final ArmCounts ZERO = new ArmCounts(0, 0, 0, 0);
}
