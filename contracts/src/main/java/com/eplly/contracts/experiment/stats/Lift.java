package com.eplly.contracts.experiment.stats;

import java.util.Optional;

/**
 * Relative lift of a treatment's rate over the control's, p_B / p_A - 1, with its 95 % interval
 * from the delta method on the log ratio: Var(log p̂_B/p̂_A) ≈ (1-p_A)/(n_A p_A) + (1-p_B)/(n_B p_B),
 * interval exp(log ratio ± 1.96 se) - 1. On the log scale the ratio is close to normal much sooner
 * than the ratio itself, and the interval is asymmetric as a ratio's should be (it never goes below -1).
 *
 * @param relative e.g. 0.20 for B clicking 20 % more than A
 * @param ci95     the interval of {@code relative}
 */
public record Lift(double relative, Interval ci95) {

  private static final double Z_95 = Z.twoSided(0.95);

  /** Empty while either arm has no click (the log ratio is undefined): the console shows "—". */
  public static Optional<Lift> of(Proportion control, Proportion treatment) {
    if (control.successes() == 0 || treatment.successes() == 0) {
      return Optional.empty();
    }
    double pa = control.rate();
    double pb = treatment.rate();
    double logRatio = Math.log(pb / pa);
    double se = Math.sqrt((1 - pa) / control.successes() + (1 - pb) / treatment.successes()); // (1-p)/(n p) = (1-p)/x
    return Optional.of(new Lift(pb / pa - 1,
        new Interval(Math.exp(logRatio - Z_95 * se) - 1, Math.exp(logRatio + Z_95 * se) - 1)));
  }
}
