package com.eplly.api.privacy;

import com.eplly.contracts.privacy.ReaderKeys;
import com.eplly.contracts.redis.Keyspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * Everything Redis holds about a reader ({@link ReaderKeys}: the same keys an erasure deletes), key
 * by key with its type, time to live and value, for the reader's export (GDPR article 15). Three
 * pipelined round trips: where to look, what is there, its values.
 */
@Component
public class ReaderRedisState {

  /** One key of the reader's: its Redis type, seconds to live (-1: none), and its value. */
  public record HeldKey(String key, String type, long ttlSeconds, Object value) {}

  private final UnifiedJedis redis;

  public ReaderRedisState(UnifiedJedis redis) {
    this.redis = redis;
  }

  public List<HeldKey> of(String readerId) {
    Response<List<String>> versions;
    Response<Set<String>> experiments;
    Response<List<String>> sessions;
    try (AbstractPipeline p = redis.pipelined()) {
      versions = p.zrange(Keyspace.versions(), 0, -1);
      experiments = p.hkeys(Keyspace.experiments());
      sessions = p.zrange(Keyspace.readerSessions(readerId), 0, -1);
      p.sync();
    }
    List<String> keys = ReaderKeys.of(readerId, sessions.get(), versions.get(), experiments.get());
    Map<String, Response<String>> types = new LinkedHashMap<>();
    Map<String, Response<Long>> ttls = new LinkedHashMap<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (String key : keys) {
        types.put(key, p.type(key));
        ttls.put(key, p.ttl(key));
      }
      p.sync();
    }
    Map<String, Response<?>> values = new LinkedHashMap<>();
    try (AbstractPipeline p = redis.pipelined()) {
      types.forEach((key, type) -> {
        switch (type.get()) {
          case "string" -> values.put(key, p.get(key));
          case "list" -> values.put(key, p.lrange(key, 0, -1));
          case "set" -> values.put(key, p.smembers(key));
          case "zset" -> values.put(key, p.zrangeWithScores(key, 0, -1));
          case "hash" -> values.put(key, p.hgetAll(key));
          default -> { } // "none": the reader has no such key
        }
      });
      p.sync();
    }
    List<HeldKey> held = new ArrayList<>(values.size());
    values.forEach((key, value) -> held.add(new HeldKey(key, types.get(key).get(), ttls.get(key).get(), plain(value.get()))));
    return held;
  }

  /** Sorted sets as member-to-score maps, in rank order; the other types as Jedis returns them. */
  private static Object plain(Object value) {
    if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Tuple) {
      Map<String, Double> scored = new LinkedHashMap<>();
      list.forEach(t -> scored.put(((Tuple) t).getElement(), ((Tuple) t).getScore()));
      return scored;
    }
    return value;
  }
}
