package com.eplly.ingest.catalog;

import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;

/**
 * Upserts the catalog in Redis: each article's hash is replaced whole (DEL + HSET inside one
 * MULTI, so the api never sees half an article), given a TTL, and indexed in the capped
 * {@code articles:latest} set while it may be served. Idempotent, so replays are harmless.
 */
@Component
public class CatalogWriter {

  private final RedisClient redis;
  private final IngestProperties.Catalog settings;
  private final Clock clock;

  public CatalogWriter(RedisClient redis, IngestProperties properties, Clock clock) {
    this.redis = redis;
    this.settings = properties.ingest().catalog();
    this.clock = clock;
  }

  /** Applies the changes of one batch (the last change per article wins) in one transaction. */
  public void apply(List<CatalogChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Map<String, CatalogChange> latest = new LinkedHashMap<>();
    changes.forEach(c -> {
      latest.remove(c.articleId());
      latest.put(c.articleId(), c);
    });
    long now = clock.millis();
    String index = Keyspace.latestArticles();
    List<Object> results;
    try (AbstractTransaction tx = redis.multi()) {
      for (CatalogChange change : latest.values()) {
        String key = Keyspace.article(change.articleId());
        tx.del(key);
        if (!(change instanceof CatalogChange.Upsert upsert)) {
          tx.zrem(index, change.articleId());
          continue;
        }
        Article a = upsert.article();
        Long expireAt = a.expiresAt() == null ? null : a.expiresAt() + settings.expiredGrace().toMillis();
        if (expireAt != null && expireAt <= now) {
          tx.zrem(index, a.articleId()); // long expired: nothing left to serve or filter
          continue;
        }
        tx.hset(key, ArticleHash.toHash(a));
        if (expireAt != null) {
          tx.pexpireAt(key, expireAt);
        } else {
          tx.pexpire(key, settings.defaultTtl().toMillis());
        }
        if (a.servableAt(now)) {
          tx.zadd(index, a.publishedAt(), a.articleId());
        } else {
          tx.zrem(index, a.articleId());
        }
      }
      tx.zremrangeByRank(index, 0, -(settings.latestCap() + 1L));
      tx.pexpire(index, settings.latestTtl().toMillis());
      results = tx.exec();
    }
    if (results == null) {
      throw new IllegalStateException("catalog transaction was aborted");
    }
    List<Exception> errors = new ArrayList<>();
    results.stream().filter(Exception.class::isInstance).map(Exception.class::cast).forEach(errors::add);
    if (!errors.isEmpty()) {
      IllegalStateException e = new IllegalStateException("catalog update failed: " + errors.get(0).getMessage());
      errors.forEach(e::addSuppressed);
      throw e;
    }
  }
}
