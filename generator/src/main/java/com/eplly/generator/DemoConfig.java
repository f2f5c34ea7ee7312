package com.eplly.generator;

import java.time.Duration;

/**
 * Size, seed and time frame of a generated demo portal.
 *
 * @param seed       the same seed always yields the same catalog and page views
 * @param articles   catalog size
 * @param readers    distinct readers
 * @param pageViews  page views to emit, spread over {@code span} ending at {@code endEpochMs}
 * @param endEpochMs the time of the last page view (e.g. now, for a live demo)
 * @param span       how far back the page views go; articles go back a little further
 */
public record DemoConfig(long seed, int articles, int readers, int pageViews, long endEpochMs, Duration span) {

  public DemoConfig {
    if (articles < 20 || readers < 1 || pageViews < 0 || span.isNegative() || span.isZero()) {
      throw new IllegalArgumentException("demo config needs >= 20 articles, >= 1 reader, >= 0 page views and a positive span");
    }
  }

  /** The local stack's default: small enough to stream, train and start in well under a minute. */
  public static DemoConfig small(long endEpochMs) {
    return new DemoConfig(42L, 400, 2_000, 30_000, endEpochMs, Duration.ofDays(3));
  }

  /**
   * A week of a portal sized by its traffic, for scale runs: one reader per 10 page views and one
   * article per 50 (1M views: 100,000 readers, 20,000 articles); sessions follow from the views.
   */
  public static DemoConfig scaled(long seed, int pageViews, long endEpochMs) {
    return new DemoConfig(seed, Math.max(20, pageViews / 50), Math.max(1, pageViews / 10), pageViews, endEpochMs,
        Duration.ofDays(7));
  }

  public DemoConfig withSeed(long newSeed) {
    return new DemoConfig(newSeed, articles, readers, pageViews, endEpochMs, span);
  }

  public DemoConfig withPageViews(int n) {
    return new DemoConfig(seed, articles, readers, n, endEpochMs, span);
  }
}
