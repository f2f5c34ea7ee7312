package com.eplly.ingest.live;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;

/**
 * Updates the live state in Redis from a batch of page views in two pipelined round trips: one to
 * read the sessions' previous articles, one to write recent reads, trending counts and co-visits.
 * Every key written is capped and given a TTL in the same pipeline. Any Redis error throws, so the
 * batch is retried and its offsets are not committed.
 */
@Component
public class LiveStateWriter {

  private final UnifiedJedis redis;
  private final IngestProperties.Live settings;
  private final Clock clock;

  public LiveStateWriter(UnifiedJedis redis, IngestProperties properties, Clock clock) {
    this.redis = redis;
    this.settings = properties.ingest().live();
    this.clock = clock;
  }

  /** Applies new page views (consumption order); returns the number of Redis commands sent. */
  public int apply(List<PageView> views) {
    if (views.isEmpty()) {
      return 0;
    }
    Map<String, String> heads = sessionHeads(views);
    Map<CoVisitPairs.Pair, Long> pairs = CoVisitPairs.count(views, heads);

    Map<String, List<String>> readerLists = new LinkedHashMap<>();
    Map<String, List<String>> sessionLists = new LinkedHashMap<>();
    Map<String, Map<String, Long>> trending = new LinkedHashMap<>();
    Map<String, Long> trendingExpireAt = new LinkedHashMap<>();
    long now = clock.millis();
    long bucketMs = Keyspace.TRENDING_BUCKET.toMillis();
    // Grouped by the raw ids; each Redis key string is built once per reader or session, not per view.
    for (PageView v : views) {
      readerLists.computeIfAbsent(v.readerId(), k -> new ArrayList<>(4)).add(v.articleId());
      sessionLists.computeIfAbsent(v.sessionId(), k -> new ArrayList<>(4)).add(v.articleId());
      long expireAt = Math.floorDiv(v.timestamp(), bucketMs) * bucketMs + bucketMs + settings.trendingTtl().toMillis();
      if (expireAt > now) { // an old event (replayed history) would only recreate an expired bucket
        String key = Keyspace.trending(v.timestamp());
        trending.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(v.articleId(), 1L, Long::sum);
        trendingExpireAt.put(key, expireAt);
      }
    }
    Map<String, Map<String, Double>> coVisits = new LinkedHashMap<>();
    pairs.forEach((pair, count) -> {
      coVisits.computeIfAbsent(Keyspace.coVisits(pair.from()), k -> new LinkedHashMap<>())
          .merge(pair.to(), (double) count, Double::sum);
      if (settings.coVisitReverseWeight() > 0) {
        coVisits.computeIfAbsent(Keyspace.coVisits(pair.to()), k -> new LinkedHashMap<>())
            .merge(pair.from(), count * settings.coVisitReverseWeight(), Double::sum);
      }
    });

    List<Response<?>> replies = new ArrayList<>();
    try (AbstractPipeline p = redis.pipelined()) {
      pushCapped(p, readerLists, Keyspace::readerRecent, settings.readerRecentCap(), settings.readerRecentTtl().toMillis(), replies);
      pushCapped(p, sessionLists, Keyspace::sessionRecent, settings.sessionRecentCap(), settings.sessionRecentTtl().toMillis(), replies);
      trending.forEach((key, counts) -> {
        counts.forEach((article, n) -> replies.add(p.zincrby(key, n, article)));
        replies.add(p.pexpireAt(key, trendingExpireAt.get(key)));
      });
      coVisits.forEach((key, scores) -> {
        scores.forEach((article, w) -> replies.add(p.zincrby(key, w, article)));
        // keep the highest-scored entries only: ranks are ascending, so drop the low end
        replies.add(p.zremrangeByRank(key, 0, -(settings.coVisitCap() + 1L)));
        replies.add(p.pexpire(key, settings.coVisitTtl().toMillis()));
      });
      p.sync();
    }
    replies.forEach(Response::get); // surfaces any command error as an exception
    return replies.size();
  }

  private Map<String, String> sessionHeads(List<PageView> views) {
    Set<String> sessions = new LinkedHashSet<>();
    views.forEach(v -> sessions.add(v.sessionId()));
    Map<String, Response<String>> replies = new LinkedHashMap<>();
    try (AbstractPipeline p = redis.pipelined()) {
      sessions.forEach(s -> replies.put(s, p.lindex(Keyspace.sessionRecent(s), 0)));
      p.sync();
    }
    Map<String, String> heads = new LinkedHashMap<>();
    replies.forEach((session, reply) -> {
      String head = reply.get();
      if (head != null) {
        heads.put(session, head);
      }
    });
    return heads;
  }

  private static void pushCapped(AbstractPipeline p, Map<String, List<String>> lists, Function<String, String> keyOf, int cap,
      long ttlMs, List<Response<?>> replies) {
    lists.forEach((id, articles) -> {
      String key = keyOf.apply(id);
      // LPUSH of a1..an leaves an at the head: newest first, as the keyspace promises
      List<String> tail = articles.size() > cap ? articles.subList(articles.size() - cap, articles.size()) : articles;
      replies.add(p.lpush(key, tail.toArray(String[]::new)));
      replies.add(p.ltrim(key, 0, cap - 1L));
      replies.add(p.pexpire(key, ttlMs));
    });
  }
}
