package com.eplly.api.catalog;

import com.eplly.api.changes.ChangeListener;
import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.redis.Keyspace;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;

/**
 * The serving fields of articles ({@link ArticleHash#SERVING_FIELDS}), from a short-lived
 * in-process cache; misses are read in one pipelined round trip. Unknown ids are cached too, so a
 * stale id in a model list does not cost a round trip on every request. Ingest announces every
 * catalog change ({@link ChangeNotice}), so a hidden article leaves the cache within a round trip
 * rather than at the end of its time in it.
 */
@Component
public class ArticleLookup implements ChangeListener {

  private static final String[] FIELDS = ArticleHash.SERVING_FIELDS.toArray(String[]::new);

  private final UnifiedJedis redis;
  private final Cache<String, Optional<Article>> cache;

  public ArticleLookup(UnifiedJedis redis, EpllyProperties properties) {
    this.redis = redis;
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(properties.recommend().articleCacheTtl())
        .maximumSize(properties.recommend().articleCacheSize())
        .build();
  }

  /** Known articles among {@code ids}; may read Redis, so it throws when Redis is unreachable. */
  public Map<String, Article> find(Collection<String> ids) {
    Map<String, Article> found = new HashMap<>();
    List<String> misses = new ArrayList<>();
    for (String id : ids) {
      Optional<Article> cached = cache.getIfPresent(id);
      if (cached == null) {
        misses.add(id);
      } else {
        cached.ifPresent(a -> found.put(id, a));
      }
    }
    if (!misses.isEmpty()) {
      Map<String, Response<List<String>>> responses = new LinkedHashMap<>();
      try (AbstractPipeline p = redis.pipelined()) {
        for (String id : misses) {
          responses.put(id, p.hmget(Keyspace.article(id), FIELDS));
        }
        p.sync();
      }
      responses.forEach((id, response) -> {
        Optional<Article> article = Optional.ofNullable(ArticleHash.fromServingFields(id, response.get()));
        cache.put(id, article);
        article.ifPresent(a -> found.put(id, a));
      });
    }
    return found;
  }

  @Override
  public void changed(ChangeNotice notice) {
    if (notice.kind() == ChangeNotice.Kind.ARTICLES) {
      cache.invalidateAll(notice.articleIds());
    } else if (notice.kind() == ChangeNotice.Kind.CATALOG) {
      cache.invalidateAll();
    }
  }

  @Override
  public void resync() {
    cache.invalidateAll();
  }

  /** Known articles among {@code ids} from the cache alone; never touches Redis. */
  public Map<String, Article> cached(Collection<String> ids) {
    Map<String, Article> found = new HashMap<>();
    for (String id : ids) {
      Optional<Article> cached = cache.getIfPresent(id);
      if (cached != null) {
        cached.ifPresent(a -> found.put(id, a));
      }
    }
    return found;
  }
}
