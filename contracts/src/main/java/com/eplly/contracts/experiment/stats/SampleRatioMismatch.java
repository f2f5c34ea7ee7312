package com.eplly.contracts.experiment.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Sample-ratio mismatch: Pearson's chi-square goodness of fit of the units counted per arm against
 * the configured shares. A mismatch means assignment or counting is broken (a cache serving one arm,
 * a crash in one arm's path, bots), and then no lift can be trusted. Flagged at p < 0.001, the usual
 * SRM threshold (Fabijan et al., KDD 2019; Kohavi et al., "Trustworthy Online Controlled
 * Experiments", ch. 21): the check runs on every look, so it must rarely cry wolf on a fair split.
 *
 * <p>Feed it units (distinct readers or sessions), which are independent draws; served answers are
 * clustered by unit, so their counts vary more than the test assumes and would be flagged too often.
 */
public final class SampleRatioMismatch {

  public static final double THRESHOLD = 0.001;

  /**
   * @param counts units per arm, in the experiment's arm order
   * @param shares the arms' shares (percentages summing to 100), same order
   */
  public SrmCheck check(long[] counts, int[] shares) {
    if (counts.length != shares.length || counts.length < 2) {
      throw new IllegalArgumentException("need one count per arm and at least two arms, got "
          + counts.length + " counts for " + shares.length + " shares");
    }
    long total = 0;
    int shareSum = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0 || shares[i] <= 0) {
        throw new IllegalArgumentException("counts must be >= 0 and shares > 0");
      }
      total += counts[i];
      shareSum += shares[i];
    }
    if (total == 0) {
      return new SrmCheck(0.0, 1.0, true);
    }
    double chi2 = 0;
    for (int i = 0; i < counts.length; i++) {
      double expected = (double) total * shares[i] / shareSum;
      double d = counts[i] - expected;
      chi2 += d * d / expected;
    }
    // The chi-square upper tail, Q(k/2, x/2), directly: 1 - cdf would round a tiny p-value to 0.
    double p = Gamma.regularizedGammaQ((counts.length - 1) / 2.0, chi2 / 2.0);
    return new SrmCheck(chi2, p, p >= THRESHOLD);
  }
}
