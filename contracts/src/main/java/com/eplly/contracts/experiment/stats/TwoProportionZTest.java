package com.eplly.contracts.experiment.stats;

/**
 * The classical two-sided test of p_A = p_B with the pooled variance (R's
 * {@code prop.test(correct = FALSE)}). Valid only when looked at once, at a sample size fixed in
 * advance: checked every day it rejects a true null far more often than α (see docs/experiments.md).
 */
public final class TwoProportionZTest {

  /** The z statistic, positive when B's rate is higher; 0 when undefined (no trials, or no variation). */
  public double z(Proportion a, Proportion b) {
    if (a.empty() || b.empty()) {
      return 0.0;
    }
    double pooled = (double) (a.successes() + b.successes()) / (a.trials() + b.trials());
    double variance = pooled * (1 - pooled) * (1.0 / a.trials() + 1.0 / b.trials());
    return variance == 0 ? 0.0 : (b.rate() - a.rate()) / Math.sqrt(variance);
  }

  public double pValue(Proportion a, Proportion b) {
    return Z.twoSidedTail(z(a, b));
  }
}
