package com.eplly.ingest.live;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Updates the live state in Redis from a batch of page views, exactly once in effect: each
 * partition's views are applied in chunks by a script ({@link LiveScript}) that also advances the
 * partition's offset watermark, so Redis runs a chunk's updates and its watermark together or not
 * at all, and a retried, timed-out or replayed chunk finds the watermark and adds nothing twice.
 * The rules of what a view changes live in {@link LiveChanges}. Views dated more than
 * {@code max-future-skew} ahead of the clock are left out (the lake keeps them). Any Redis error
 * throws, so the batch is retried and its offsets are not committed.
 */
@Component
public class LiveStateWriter {

  private static final Logger log = LoggerFactory.getLogger(LiveStateWriter.class);
  /** Rounds per chunk: a partly applied shard (or one whose server lost the script) is sent again, a few times at most. */
  private static final int MAX_ROUNDS = 4;

  private final UnifiedJedis redis;
  private final IngestProperties.Live settings;
  private final Clock clock;
  private final SessionMemory sessionMemory;
  private final LiveChanges rules;
  private final LiveScript script = new LiveScript();
  private final WatermarkShards shards;
  private final long watermarkTtlMs;

  public LiveStateWriter(UnifiedJedis redis, IngestProperties properties, Clock clock) {
    this.redis = redis;
    this.settings = properties.ingest().live();
    this.clock = clock;
    this.sessionMemory = new SessionMemory(settings.sessionHeadCacheSize(), settings.sessionRecentTtl().toMillis());
    this.rules = new LiveChanges(settings);
    this.shards = redis instanceof RedisClusterClient ? WatermarkShards.perSlot() : WatermarkShards.single();
    this.watermarkTtlMs = java.util.stream.Stream.of(settings.readerRecentTtl(), settings.sessionRecentTtl(),
        settings.trendingTtl(), settings.coVisitTtl()).mapToLong(java.time.Duration::toMillis).max().orElseThrow();
  }

  /** What one call left out: views an earlier attempt had applied, and views dated too far ahead. */
  public record Result(int alreadyApplied, int futureIgnored) {
    static final Result NONE = new Result(0, 0);
  }

  /** Forgets the sessions' remembered reads; called when partitions change owner. */
  public void forgetSessionHeads() {
    sessionMemory.clear();
  }

  /** Applies page views (consumption order, so each partition's in offset order). */
  public Result apply(List<LiveEvent> events) {
    if (events.isEmpty()) {
      return Result.NONE;
    }
    long now = clock.millis();
    long latest = now + settings.maxFutureSkew().toMillis();
    List<LiveEvent> current = new ArrayList<>(events.size());
    for (LiveEvent e : events) {
      if (e.view().timestamp() <= latest) {
        current.add(e);
      }
    }
    try {
      Map<String, SessionMemory.Recent> sessions = sessions(current, now);
      List<LiveChange> changes = rules.of(current, sessions, now);
      int[] alreadyApplied = {0};
      byPartition(current, changes).forEach((partition, run) -> alreadyApplied[0] += applyPartition(partition, run));
      sessionMemory.remember(sessions, now);
      return new Result(alreadyApplied[0], events.size() - current.size());
    } catch (RuntimeException e) {
      // Redis may hold what this memory missed (a timed-out reply); read the sessions back next time.
      sessionMemory.clear();
      throw e;
    }
  }

  /** A partition's events (offset order) and their changes (same order). */
  private record Run(List<LiveEvent> events, List<LiveChange> changes) {}

  private static Map<Integer, Run> byPartition(List<LiveEvent> events, List<LiveChange> changes) {
    Map<Integer, Run> runs = new LinkedHashMap<>();
    for (LiveEvent e : events) {
      runs.computeIfAbsent(e.partition(), p -> new Run(new ArrayList<>(), new ArrayList<>())).events().add(e);
    }
    for (LiveChange c : changes) {
      runs.get(c.partition()).changes().add(c);
    }
    return runs;
  }

  /**
   * Applies a partition's run in chunks of at most {@code max-events-per-script} views, in order;
   * returns how many views were in chunks an earlier attempt had applied.
   */
  private int applyPartition(int partition, Run run) {
    int alreadyApplied = 0;
    int chunk = settings.maxEventsPerScript();
    int from = 0;
    int changeFrom = 0;
    while (from < run.events().size()) {
      int to = Math.min(from + chunk, run.events().size());
      long first = run.events().get(from).offset();
      long last = run.events().get(to - 1).offset();
      int changeTo = changeFrom;
      while (changeTo < run.changes().size() && run.changes().get(changeTo).offset() <= last) {
        changeTo++;
      }
      if (!applyChunk(partition, first, last, run.changes().subList(changeFrom, changeTo))) {
        alreadyApplied += to - from;
      }
      from = to;
      changeFrom = changeTo;
    }
    return alreadyApplied;
  }

  /** Applies one chunk; false when an earlier attempt had applied all of it. */
  private boolean applyChunk(int partition, long first, long last, List<LiveChange> changes) {
    Map<String, List<LiveChange>> byShard = new LinkedHashMap<>();
    for (LiveChange c : changes) {
      byShard.computeIfAbsent(shards.watermarkOf(c.key()), k -> new ArrayList<>()).add(c);
    }
    Map<String, Long> after = new HashMap<>(); // per shard: changes at or below this offset are in Redis
    Set<String> inline = new LinkedHashSet<>();
    Set<String> pending = new LinkedHashSet<>(byShard.keySet());
    boolean anyApplied = false;
    boolean anyAlready = false;
    for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
      Map<String, Response<Object>> replies = new LinkedHashMap<>();
      try (AbstractPipeline p = redis.pipelined()) {
        for (String shard : pending) {
          long floor = after.getOrDefault(shard, first - 1);
          List<LiveChange> rest = byShard.get(shard).stream().filter(c -> c.offset() > floor).toList();
          if (!rest.isEmpty()) {
            replies.put(shard, script.queue(p, shard, watermarkTtlMs, partition, floor + 1, last, rules.byKey(rest).values(),
                inline.contains(shard)));
          }
        }
        p.sync();
      }
      pending.clear();
      for (Map.Entry<String, Response<Object>> reply : replies.entrySet()) {
        String shard = reply.getKey();
        LiveScript.Outcome outcome;
        try {
          outcome = LiveScript.outcome(reply.getValue().get());
        } catch (JedisNoScriptException e) {
          inline.add(shard);
          pending.add(shard);
          continue;
        }
        if (outcome instanceof LiveScript.Outcome.Applied done) {
          anyApplied = true;
          // Live state is derived data: a key of another type (a stray write) is replaced, not kept forever.
          done.replaced().forEach(key -> log.warn("Live-state key {} held another type; replaced it", key));
        } else if (outcome instanceof LiveScript.Outcome.AlreadyApplied) {
          anyAlready = true;
        } else if (outcome instanceof LiveScript.Outcome.PartlyApplied partly) {
          after.put(shard, partly.watermark());
          pending.add(shard);
        }
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException("live state of partition " + partition + " offsets " + first + ".." + last
          + " not applied after " + MAX_ROUNDS + " rounds (another writer of the same partition?)");
    }
    return anyApplied || !anyAlready;
  }

  /** Each session's recent reads before this batch: remembered here, else read from Redis. */
  private Map<String, SessionMemory.Recent> sessions(List<LiveEvent> events, long now) {
    Set<String> ids = new LinkedHashSet<>();
    events.forEach(e -> ids.add(e.view().sessionId()));
    Map<String, SessionMemory.Recent> sessions = new HashMap<>(ids.size() * 2);
    List<String> unknown = sessionMemory.lookUp(ids, now, sessions);
    if (unknown.isEmpty()) {
      return sessions;
    }
    List<Response<List<String>>> replies = new ArrayList<>(unknown.size());
    try (AbstractPipeline p = redis.pipelined()) {
      unknown.forEach(s -> replies.add(p.lrange(Keyspace.sessionRecent(s), 0, settings.sessionRecentCap() - 1L)));
      p.sync();
    }
    for (int i = 0; i < unknown.size(); i++) {
      sessions.put(unknown.get(i), SessionMemory.Recent.of(replies.get(i).get()));
    }
    return sessions;
  }
}
