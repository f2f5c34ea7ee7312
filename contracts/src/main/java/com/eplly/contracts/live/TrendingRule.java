package com.eplly.contracts.live;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trending rule, in the one place its writer (ingest) and its reader (the api) share, beside
 * the key ({@link Keyspace#trending}): what a page view adds, how long a bucket lives, and how the
 * stored counts become one trending score.
 *
 * <p>Writing: every page view adds {@link #VIEW} to its article in the {@link Keyspace#TRENDING_BUCKET}-wide
 * bucket of its timestamp; the bucket keeps its highest counts (ingest's {@code trending-cap}, passed to
 * the live-state script as an argument) and expires {@code ttl} after it ends ({@link #bucketExpiry}).
 * Reading: the newest few buckets ({@link Keyspace#trendingWindow}) are summed, each older bucket weighted
 * {@code decay} times the next newer one ({@link #scores}), so a burst fades over the window instead
 * of dropping off. The writer's TTL (3 h) must outlast the reader's window (12 buckets of 5 minutes),
 * or the oldest buckets read would already be gone.
 */
public final class TrendingRule {

  /** What one page view adds to its article's count in its bucket. */
  public static final double VIEW = 1.0;

  private TrendingRule() {}

  /** When the bucket holding a view at {@code viewEpochMs} expires (epoch ms): {@code ttl} after the bucket ends. */
  public static long bucketExpiry(long viewEpochMs, Duration ttl) {
    long bucketMs = Keyspace.TRENDING_BUCKET.toMillis();
    return Math.floorDiv(viewEpochMs, bucketMs) * bucketMs + bucketMs + ttl.toMillis();
  }

  /**
   * Sums per-bucket counts into one trending list, best first (ties by id).
   *
   * @param bucketsNewestFirst per bucket of {@link Keyspace#trendingWindow}, (articleId, count) pairs
   * @param decay              weight ratio between consecutive buckets, in (0, 1]
   * @param size               most items returned
   */
  public static List<Suggestion> scores(List<Map<String, Double>> bucketsNewestFirst, double decay, int size) {
    Map<String, Double> totals = new LinkedHashMap<>();
    double weight = 1.0;
    for (Map<String, Double> bucket : bucketsNewestFirst) {
      for (Map.Entry<String, Double> e : bucket.entrySet()) {
        totals.merge(e.getKey(), e.getValue() * weight, Double::sum);
      }
      weight *= decay;
    }
    return totals.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(size)
        .map(e -> new Suggestion(e.getKey(), e.getValue(), Reason.TRENDING))
        .toList();
  }
}
