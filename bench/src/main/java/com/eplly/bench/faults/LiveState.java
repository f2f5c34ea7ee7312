package com.eplly.bench.faults;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.redis.Keyspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * The live state ingest wrote to Redis for one case's views, against what a clean run writes:
 * trending counts of the case's articles (summed over the trending buckets of the views'
 * timestamps) and the lengths of the case's readers' recent-reads lists.
 *
 * @param expectedTrending views of the case that should be counted in trending
 * @param trending         what the case's articles add up to over their trending buckets
 * @param trendingExcess   sum over articles of the count above the expected one
 * @param trendingShort    sum over articles of the count below the expected one
 * @param expectedRecent   entries the case's recent-reads lists should hold
 * @param recent           entries they hold
 * @param recentExcess     sum over readers of the entries above the expected length
 * @param recentShort      sum over readers of the entries below the expected length
 */
public record LiveState(long expectedTrending, long trending, long trendingExcess, long trendingShort,
    long expectedRecent, long recent, long recentExcess, long recentShort) {

  /** Ingest's default {@code eplly.ingest.live.reader-recent-cap}. */
  public static final int READER_RECENT_CAP = 100;

  /** Reads the counts of {@code views} from Redis in one pipeline. */
  public static LiveState read(RedisClient redis, CaseViews views) {
    Set<String> buckets = new LinkedHashSet<>();
    for (PageView v : views.views()) {
      buckets.add(Keyspace.trending(v.timestamp()));
    }
    Map<String, Long> perArticle = views.viewsPerArticle();
    Map<String, Long> perReader = views.viewsPerReader();
    List<List<Response<Double>>> scores = new ArrayList<>();
    List<Response<Long>> lengths = new ArrayList<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (String article : perArticle.keySet()) {
        List<Response<Double>> s = new ArrayList<>();
        buckets.forEach(b -> s.add(p.zscore(b, article)));
        scores.add(s);
      }
      perReader.keySet().forEach(r -> lengths.add(p.llen(Keyspace.readerRecent(r))));
      p.sync();
    }
    long expectedTrending = 0;
    long trending = 0;
    long tExcess = 0;
    long tShort = 0;
    int i = 0;
    for (long expected : perArticle.values()) {
      long actual = 0;
      for (Response<Double> r : scores.get(i++)) {
        Double d = r.get();
        actual += d == null ? 0 : Math.round(d);
      }
      expectedTrending += expected;
      trending += actual;
      tExcess += Math.max(0, actual - expected);
      tShort += Math.max(0, expected - actual);
    }
    long expectedRecent = 0;
    long recent = 0;
    long rExcess = 0;
    long rShort = 0;
    i = 0;
    for (long n : perReader.values()) {
      long expected = Math.min(n, READER_RECENT_CAP);
      long actual = lengths.get(i++).get();
      expectedRecent += expected;
      recent += actual;
      rExcess += Math.max(0, actual - expected);
      rShort += Math.max(0, expected - actual);
    }
    return new LiveState(expectedTrending, trending, tExcess, tShort, expectedRecent, recent, rExcess, rShort);
  }

  /**
   * Polls until the live state has at least the expected counts (or {@code timeout} passes), then
   * waits {@code settle} and reads once more, so a late duplicate write is seen too.
   */
  public static LiveState settle(RedisClient redis, CaseViews views, Duration timeout, Duration settle) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    LiveState s = read(redis, views);
    while ((s.trending() < s.expectedTrending() || s.recent() < s.expectedRecent()) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      s = read(redis, views);
    }
    Thread.sleep(settle.toMillis());
    return read(redis, views);
  }

  /** Views counted more than once: the larger excess of the two structures (each view adds 1 to both). */
  public long doubleCounted() {
    return Math.max(trendingExcess, recentExcess);
  }

  /** Exactly what a clean run gives. */
  public boolean exact() {
    return trendingExcess == 0 && trendingShort == 0 && recentExcess == 0 && recentShort == 0;
  }

  /** E.g. {@code live trending 400/200, recent 400/200}. */
  public String describe() {
    return "live trending " + trending + "/" + expectedTrending + ", recent lists " + recent + "/" + expectedRecent;
  }
}
