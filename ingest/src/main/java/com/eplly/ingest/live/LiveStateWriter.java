package com.eplly.ingest.live;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Updates the live state in Redis from a batch of page views with one pipelined write of the
 * batch's aggregates: one LPUSH + PEXPIRE per distinct reader and session, one ZINCRBY per
 * distinct trending article and co-visit pair, one cap + PEXPIRE per co-visit set. The sessions'
 * previous articles come from {@link SessionHeads}, or for sessions new to this process from one
 * pipelined read before. Every key gets its TTL in the same pipeline that writes it; recent-read
 * lists longer than their cap (the LPUSH reply tells) are trimmed right after. Any Redis error
 * throws, so the batch is retried and its offsets are not committed.
 */
@Component
public class LiveStateWriter {

  private final UnifiedJedis redis;
  private final IngestProperties.Live settings;
  private final Clock clock;
  private final SessionHeads sessionHeads;

  public LiveStateWriter(UnifiedJedis redis, IngestProperties properties, Clock clock) {
    this.redis = redis;
    this.settings = properties.ingest().live();
    this.clock = clock;
    this.sessionHeads = new SessionHeads(settings.sessionHeadCacheSize(), settings.sessionRecentTtl().toMillis());
  }

  /** Forgets the sessions' remembered heads; called when partitions change owner. */
  public void forgetSessionHeads() {
    sessionHeads.clear();
  }

  /** Applies new page views (consumption order); returns the number of Redis commands sent. */
  public int apply(List<PageView> views) {
    if (views.isEmpty()) {
      return 0;
    }
    long now = clock.millis();
    Map<String, String> heads = sessionHeads(views, now);
    Map<CoVisitPairs.Pair, Long> pairs = CoVisitPairs.count(views, heads);

    Map<String, List<String>> readerLists = new LinkedHashMap<>();
    Map<String, List<String>> sessionLists = new LinkedHashMap<>();
    Map<String, Map<String, Long>> trending = new LinkedHashMap<>();
    Map<String, Long> trendingExpireAt = new LinkedHashMap<>();
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
    List<Push> pushes = new ArrayList<>(readerLists.size() + sessionLists.size());
    try (AbstractPipeline p = redis.pipelined()) {
      push(p, readerLists, Keyspace::readerRecent, settings.readerRecentCap(), settings.readerRecentTtl().toMillis(), pushes, replies);
      push(p, sessionLists, Keyspace::sessionRecent, settings.sessionRecentCap(), settings.sessionRecentTtl().toMillis(), pushes, replies);
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
    int trimmed = trimOverCap(pushes);
    Map<String, String> newest = new HashMap<>(sessionLists.size() * 2);
    sessionLists.forEach((session, articles) -> newest.put(session, articles.get(articles.size() - 1)));
    sessionHeads.remember(newest, now);
    return replies.size() + trimmed;
  }

  /** Each session's newest article before this batch: remembered here, else read from Redis. */
  private Map<String, String> sessionHeads(List<PageView> views, long now) {
    Set<String> sessions = new LinkedHashSet<>();
    views.forEach(v -> sessions.add(v.sessionId()));
    Map<String, String> heads = new HashMap<>(sessions.size() * 2);
    List<String> unknown = sessionHeads.lookUp(sessions, now, heads);
    if (unknown.isEmpty()) {
      return heads;
    }
    List<Response<String>> replies = new ArrayList<>(unknown.size());
    try (AbstractPipeline p = redis.pipelined()) {
      unknown.forEach(s -> replies.add(p.lindex(Keyspace.sessionRecent(s), 0)));
      p.sync();
    }
    for (int i = 0; i < unknown.size(); i++) {
      String head = replies.get(i).get();
      if (head != null) {
        heads.put(unknown.get(i), head);
      }
    }
    return heads;
  }

  /** One LPUSH to a capped list, and the list's length it answered. */
  private record Push(String key, int cap, Response<Long> length) {}

  private static void push(AbstractPipeline p, Map<String, List<String>> lists, Function<String, String> keyOf, int cap,
      long ttlMs, List<Push> pushes, List<Response<?>> replies) {
    lists.forEach((id, articles) -> {
      String key = keyOf.apply(id);
      // LPUSH of a1..an leaves an at the head: newest first, as the keyspace promises
      List<String> tail = articles.size() > cap ? articles.subList(articles.size() - cap, articles.size()) : articles;
      Response<Long> length = p.lpush(key, tail.toArray(String[]::new));
      pushes.add(new Push(key, cap, length));
      replies.add(length);
      replies.add(p.pexpire(key, ttlMs));
    });
  }

  /**
   * Trims the lists the batch pushed beyond their cap. Most lists are below it, so this saves an
   * LTRIM per reader and session; should the process die before the trim, the list stays over its
   * cap only until its next push (which trims it) or its TTL, both set already.
   */
  private int trimOverCap(List<Push> pushes) {
    List<Push> over = pushes.stream().filter(x -> x.length().get() > x.cap()).toList();
    if (over.isEmpty()) {
      return 0;
    }
    List<Response<String>> replies = new ArrayList<>(over.size());
    try (AbstractPipeline p = redis.pipelined()) {
      over.forEach(x -> replies.add(p.ltrim(x.key(), 0, x.cap() - 1L)));
      p.sync();
    }
    replies.forEach(Response::get);
    return replies.size();
  }
}
