package com.eplly.contracts.experiment.stats;

/**
 * The Wilson score interval of a proportion (Wilson 1927; no continuity correction, as R's
 * {@code prop.test(correct = FALSE)}). Chosen over the textbook Wald interval because it stays
 * inside [0, 1] and keeps close to its nominal coverage at small counts and rates near 0, exactly
 * where a new arm's CTR sits on its first day.
 */
public final class Wilson {

  private final double z;

  /** @param confidence e.g. 0.95 */
  public Wilson(double confidence) {
    this.z = Z.twoSided(confidence);
  }

  /** With no trials nothing is known: the whole of [0, 1]. */
  public Interval interval(Proportion p) {
    if (p.empty()) {
      return new Interval(0.0, 1.0);
    }
    double n = p.trials();
    double phat = p.rate();
    double z2 = z * z;
    double centre = (phat + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(phat * (1 - phat) / n + z2 / (4 * n * n));
    // At 0 or all successes the bound is exactly 0 or 1 in theory; rounding must not push it past.
    return new Interval(Math.max(0.0, centre - half), Math.min(1.0, centre + half));
  }
}
