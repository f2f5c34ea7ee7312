package com.eplly.ingest.catalog;

import com.eplly.contracts.redis.Keyspace;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;

/**
 * Tells which article ids the catalog in Redis does not hold (no {@code article:{id}} hash), with
 * one pipelined round trip for a whole batch. A Redis error throws, so the batch is retried.
 */
@Component
public class KnownArticles {

  private final UnifiedJedis redis;

  public KnownArticles(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** The ids among {@code articleIds} that have no catalog hash. */
  public Set<String> unknown(Collection<String> articleIds) {
    Set<String> distinct = new LinkedHashSet<>(articleIds);
    if (distinct.isEmpty()) {
      return Set.of();
    }
    Map<String, Response<Boolean>> replies = new LinkedHashMap<>();
    try (AbstractPipeline p = redis.pipelined()) {
      distinct.forEach(id -> replies.put(id, p.exists(Keyspace.article(id))));
      p.sync();
    }
    Set<String> unknown = new HashSet<>();
    replies.forEach((id, exists) -> {
      if (!exists.get()) {
        unknown.add(id);
      }
    });
    return unknown;
  }
}
