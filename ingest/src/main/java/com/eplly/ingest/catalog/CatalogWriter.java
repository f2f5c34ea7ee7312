package com.eplly.ingest.catalog;

import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Upserts the catalog in Redis: each article's hash is replaced whole by one small Lua script on
 * that one key (DEL + HSET + PEXPIREAT, so the api never sees half an article), and indexed in the
 * capped {@code articles:latest} set while it may be served. One pipeline per batch; no MULTI, so
 * it works on a Redis Cluster where an article and the index live on different nodes. Idempotent,
 * so replays are harmless. Each applied batch is announced on the changes channel.
 */
@Component
public class CatalogWriter {

  private static final Logger log = LoggerFactory.getLogger(CatalogWriter.class);

  /** KEYS[1] the article hash; ARGV[1] PEXPIREAT or PEXPIRE, ARGV[2] its argument, then field, value pairs. */
  private static final String REPLACE_HASH = "redis.call('DEL', KEYS[1]) "
      + "redis.call('HSET', KEYS[1], unpack(ARGV, 3)) "
      + "return redis.call(ARGV[1], KEYS[1], ARGV[2])";

  private final UnifiedJedis redis;
  private final IngestProperties.Catalog settings;
  private final Clock clock;

  public CatalogWriter(UnifiedJedis redis, IngestProperties properties, Clock clock) {
    this.redis = redis;
    this.settings = properties.ingest().catalog();
    this.clock = clock;
  }

  /** Applies the changes of one batch (the last change per article wins) in one pipeline. */
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
    List<Response<?>> results = new ArrayList<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (CatalogChange change : latest.values()) {
        String key = Keyspace.article(change.articleId());
        if (!(change instanceof CatalogChange.Upsert upsert)) {
          results.add(p.del(key));
          results.add(p.zrem(index, change.articleId()));
          continue;
        }
        Article a = upsert.article();
        Long expireAt = a.expiresAt() == null ? null : a.expiresAt() + settings.expiredGrace().toMillis();
        if (expireAt != null && expireAt <= now) {
          results.add(p.del(key));
          results.add(p.zrem(index, a.articleId())); // long expired: nothing left to serve or filter
          continue;
        }
        List<String> args = expireAt != null
            ? replaceArgs("PEXPIREAT", expireAt, ArticleHash.toHash(a))
            : replaceArgs("PEXPIRE", settings.defaultTtl().toMillis(), ArticleHash.toHash(a));
        results.add(p.eval(REPLACE_HASH, List.of(key), args));
        if (a.servableAt(now)) {
          results.add(p.zadd(index, a.publishedAt(), a.articleId()));
        } else {
          results.add(p.zrem(index, a.articleId()));
        }
      }
      results.add(p.zremrangeByRank(index, 0, -(settings.latestCap() + 1L)));
      results.add(p.pexpire(index, settings.latestTtl().toMillis()));
      p.sync();
    }
    List<Exception> errors = new ArrayList<>();
    for (Response<?> r : results) {
      try {
        r.get();
      } catch (RuntimeException e) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      IllegalStateException e = new IllegalStateException("catalog update failed: " + errors.get(0).getMessage());
      errors.forEach(e::addSuppressed);
      throw e;
    }
    announce(latest.keySet());
  }

  /**
   * Tells the api instances which articles changed, so a hidden one leaves their caches now. After
   * the writes, so an instance that reloads on the notice reads the new hash; a failed notice is
   * only logged, since the caches expire on their own.
   */
  private void announce(Collection<String> articleIds) {
    try {
      redis.publish(Keyspace.changesChannel(), ChangeNotice.articles(articleIds).message());
    } catch (RuntimeException e) {
      log.warn("could not announce {} catalog changes (api caches expire on their own): {}", articleIds.size(),
          e.toString());
    }
  }

  private static List<String> replaceArgs(String expireCommand, long expireMs, Map<String, String> hash) {
    List<String> args = new ArrayList<>(2 + 2 * hash.size());
    args.add(expireCommand);
    args.add(Long.toString(expireMs));
    hash.forEach((field, value) -> {
      args.add(field);
      args.add(value);
    });
    return args;
  }
}
