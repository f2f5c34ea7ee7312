package com.eplly.contracts.experiment.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Standard normal quantiles and tails, through Commons Math rather than hand-written approximations. */
final class Z {

  // NormalDistribution(0, 1) is immutable once built; its random generator is never used here.
  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

  private Z() {}

  /** The z with P(|Z| <= z) = confidence. */
  static double twoSided(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    return STANDARD.inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /** P(|Z| >= |z|). */
  static double twoSidedTail(double z) {
    // cumulativeProbability(-|z|) keeps precision far in the tail, where 1 - cdf(|z|) would round to 0.
    return Math.min(1.0, 2 * STANDARD.cumulativeProbability(-Math.abs(z)));
  }
}
