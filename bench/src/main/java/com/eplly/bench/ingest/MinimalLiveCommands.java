package com.eplly.bench.ingest;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.live.CoVisitRule;
import com.eplly.contracts.live.TrendingRule;
import com.eplly.contracts.redis.Keyspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Pipeline;

/**
 * The least a chunk of page views must send to Redis for the live state, as plain pipelined commands:
 * per reader one LPUSH of its reads and one ZADD of its sessions' times, per session one LPUSH, per
 * (trending bucket, article) one ZINCRBY, per co-visit pair one ZINCRBY each way, and one expiry per
 * key. No script, watermark, trim or session read-back: the ceiling's Redis stage. Lifetimes are
 * ingest's defaults.
 */
final class MinimalLiveCommands {

  private static final long READER_TTL_MS = Duration.ofDays(30).toMillis();
  private static final long SESSION_TTL_MS = Duration.ofHours(2).toMillis();
  private static final long CO_VISIT_TTL_MS = Duration.ofDays(2).toMillis();
  private static final Duration TRENDING_TTL = Duration.ofHours(3);
  private static final double REVERSE_WEIGHT = 0.5;

  /** Each session's latest article, to find the reads A→B. */
  private final Map<String, String> sessionHeads = new HashMap<>();
  private final long now;

  MinimalLiveCommands(long now) {
    this.now = now;
  }

  /** Queues one chunk's commands (views in offset order) on {@code p}. */
  void queue(Pipeline p, List<PageView> chunk) {
    Map<String, List<String>> readerReads = new LinkedHashMap<>();
    Map<String, Map<String, Double>> readerSessions = new LinkedHashMap<>();
    Map<String, List<String>> sessionReads = new LinkedHashMap<>();
    Map<String, Map<String, Double>> counts = new LinkedHashMap<>();
    Map<String, Long> expireAt = new HashMap<>();
    for (PageView v : chunk) {
      readerReads.computeIfAbsent(v.readerId(), r -> new ArrayList<>(2)).add(v.articleId());
      readerSessions.computeIfAbsent(v.readerId(), r -> new HashMap<>(2))
          .merge(v.sessionId(), (double) v.timestamp(), Math::max);
      sessionReads.computeIfAbsent(v.sessionId(), s -> new ArrayList<>(2)).add(v.articleId());
      long bucketEnd = TrendingRule.bucketExpiry(v.timestamp(), TRENDING_TTL);
      if (bucketEnd > now) {
        String bucket = Keyspace.trending(v.timestamp());
        counts.computeIfAbsent(bucket, k -> new HashMap<>()).merge(v.articleId(), TrendingRule.VIEW, Double::sum);
        expireAt.put(bucket, bucketEnd);
      }
      String previous = sessionHeads.put(v.sessionId(), v.articleId());
      if (previous != null && !previous.equals(v.articleId())) {
        counts.computeIfAbsent(Keyspace.coVisits(previous), k -> new HashMap<>())
            .merge(v.articleId(), CoVisitRule.READ_AFTER, Double::sum);
        counts.computeIfAbsent(Keyspace.coVisits(v.articleId()), k -> new HashMap<>())
            .merge(previous, REVERSE_WEIGHT, Double::sum);
      }
    }
    readerReads.forEach((reader, reads) -> {
      String key = Keyspace.readerRecent(reader);
      p.lpush(key, reads.toArray(String[]::new));
      p.pexpire(key, READER_TTL_MS);
    });
    readerSessions.forEach((reader, times) -> {
      String key = Keyspace.readerSessions(reader);
      p.zadd(key, times);
      p.pexpire(key, SESSION_TTL_MS);
    });
    sessionReads.forEach((session, reads) -> {
      String key = Keyspace.sessionRecent(session);
      p.lpush(key, reads.toArray(String[]::new));
      p.pexpire(key, SESSION_TTL_MS);
    });
    counts.forEach((key, byMember) -> {
      byMember.forEach((member, amount) -> p.zincrby(key, amount, member));
      Long at = expireAt.get(key);
      if (at != null) {
        p.pexpireAt(key, at);
      } else {
        p.pexpire(key, CO_VISIT_TTL_MS);
      }
    });
  }
}
