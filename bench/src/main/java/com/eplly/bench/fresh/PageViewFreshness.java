package com.eplly.bench.fresh;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.deploy.client.ApiClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import redis.clients.jedis.RedisClient;

/**
 * Page-view freshness: a reader reads {@code prev} then an article X that is in their
 * recommendations, in a new session, through {@code POST /v1/events}; from the moment X's view is
 * posted, the time until X leaves the reader's recommendations, until X's trending score in its
 * bucket rises, and until the live co-visits of {@code prev} count X once more.
 */
public final class PageViewFreshness {

  /** The three measures, each over all rounds. */
  public record Result(Latencies excluded, Latencies trending, Latencies coVisit, int rounds) {}

  private static final int LIMIT = 10;

  private final ApiClient api;
  private final RedisClient redis;
  private final EventCodec codec;
  private final PrintStream out;

  public PageViewFreshness(ApiClient api, RedisClient redis, EventCodec codec, PrintStream out) {
    this.api = api;
    this.redis = redis;
    this.codec = codec;
    this.out = out;
  }

  /**
   * @param readers  readers with history in the live state, used in turn
   * @param rounds   page views to measure
   * @param deadline how long one round may wait for its changes
   */
  public Result run(List<String> readers, int rounds, Duration deadline) {
    List<Poll.Outcome> excluded = new ArrayList<>();
    List<Poll.Outcome> trending = new ArrayList<>();
    List<Poll.Outcome> coVisit = new ArrayList<>();
    int cursor = 0;
    int skipped = 0;
    while (excluded.size() < rounds) {
      String reader = readers.get(cursor++ % readers.size());
      List<ApiClient.Item> before = api.recommendations(null, reader, LIMIT).requireOk().items();
      if (before.size() < 2) {
        if (++skipped > readers.size() + rounds) {
          throw new IllegalStateException("too few readers with at least two recommendations");
        }
        continue;
      }
      String x = before.get(0).articleId();
      String prev = before.get(1).articleId();
      String session = "fresh-" + UUID.randomUUID();
      long ts = System.currentTimeMillis();
      String trendingKey = Keyspace.trending(ts + 1);
      String coVisitKey = Keyspace.coVisits(prev);
      double trendingBefore = score(trendingKey, x);
      double coVisitBefore = score(coVisitKey, x);
      api.postEvent(codec.encode(view(reader, prev, session, ts))).requireAccepted();
      long start = System.nanoTime();
      api.postEvent(codec.encode(view(reader, x, session, ts + 1))).requireAccepted();
      List<Poll.Outcome> o = Poll.until(start, deadline, List.of(
          () -> api.recommendations(null, reader, LIMIT).requireOk().items().stream().noneMatch(i -> i.articleId().equals(x)),
          () -> score(trendingKey, x) > trendingBefore,
          () -> score(coVisitKey, x) > coVisitBefore));
      excluded.add(o.get(0));
      trending.add(o.get(1));
      coVisit.add(o.get(2));
      if (excluded.size() % 50 == 0) {
        out.printf(Locale.ROOT, "  [page-view] %d / %d rounds%n", excluded.size(), rounds);
      }
    }
    return new Result(Latencies.of("read article left the reader's list", excluded),
        Latencies.of("trending score of the article rose", trending),
        Latencies.of("live co-visits of prev count the article", coVisit), rounds);
  }

  private double score(String key, String member) {
    Double s = redis.zscore(key, member);
    return s == null ? 0.0 : s;
  }

  private static PageView view(String reader, String article, String session, long ts) {
    return new PageView(UUID.randomUUID().toString(), reader, article, session, ts, null, null);
  }
}
