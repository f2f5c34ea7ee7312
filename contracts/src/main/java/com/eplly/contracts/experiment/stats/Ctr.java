package com.eplly.contracts.experiment.stats;

/**
 * An arm's click-through rate with its Wilson 95 % interval, as the admin API shows it.
 *
 * @param clicks   attributed clicks
 * @param viewable viewable impressions (the IAB/MRC standard); the CTR's denominator
 * @param ctr      clicks / viewable, or null before the first viewable impression
 * @param ctrCi95  Wilson 95 % interval; [0, 1] before the first viewable impression
 */
public record Ctr(long clicks, long viewable, Double ctr, Interval ctrCi95) {

  private static final Wilson WILSON_95 = new Wilson(0.95);

  public static Ctr of(long clicks, long viewable) {
    Proportion p = new Proportion(clicks, viewable);
    return new Ctr(clicks, viewable, p.empty() ? null : p.rate(), WILSON_95.interval(p));
  }
}
