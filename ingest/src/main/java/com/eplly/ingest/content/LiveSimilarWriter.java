package com.eplly.ingest.content;

import com.eplly.contracts.content.ContentNeighbour;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;

/**
 * Writes live content neighbours in one pipelined round trip: each new article's neighbours into
 * its {@code similar:{id}} set, and the new article into each neighbour's set, so it shows under
 * related existing articles. Every touched set is trimmed to its highest-scored members and gets
 * its TTL again. Idempotent (ZADD of the same scores), so a redelivered batch is harmless.
 */
@Component
public class LiveSimilarWriter {

  private final UnifiedJedis redis;
  private final IngestProperties.Content settings;

  public LiveSimilarWriter(UnifiedJedis redis, IngestProperties properties) {
    this.redis = redis;
    this.settings = properties.ingest().content();
  }

  /** @param neighbours per new article, its content neighbours; a Redis error throws */
  public void write(Map<String, List<ContentNeighbour>> neighbours) {
    Map<String, Map<String, Double>> members = new LinkedHashMap<>();
    neighbours.forEach((articleId, list) -> list.forEach(n -> {
      members.computeIfAbsent(Keyspace.liveSimilar(articleId), k -> new LinkedHashMap<>()).put(n.articleId(), n.score());
      members.computeIfAbsent(Keyspace.liveSimilar(n.articleId()), k -> new LinkedHashMap<>()).put(articleId, n.score());
    }));
    if (members.isEmpty()) {
      return;
    }
    Set<String> keys = new LinkedHashSet<>(members.keySet());
    List<Response<?>> replies = new ArrayList<>(keys.size() * 3);
    try (AbstractPipeline p = redis.pipelined()) {
      for (String key : keys) {
        replies.add(p.zadd(key, members.get(key)));
        replies.add(p.zremrangeByRank(key, 0, -(settings.similarCap() + 1L)));
        replies.add(p.pexpire(key, settings.similarTtl().toMillis()));
      }
      p.sync();
    }
    replies.forEach(Response::get); // surfaces any command error as an exception, so the batch is retried
  }
}
