package com.eplly.ingest.content;

import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.redis.Keyspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;

/** Reads the recent catalog back from Redis ({@code articles:latest}, then the article hashes) to seed the index. */
@Component
public class CatalogSeed {

  /** Hashes read per pipelined round trip. */
  private static final int CHUNK = 500;

  private final UnifiedJedis redis;

  public CatalogSeed(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** Up to {@code count} servable articles, newest first; a Redis error throws. */
  public List<Article> newest(int count) {
    List<String> ids = redis.zrevrange(Keyspace.latestArticles(), 0, count - 1L);
    List<Article> out = new ArrayList<>(ids.size());
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      List<Response<Map<String, String>>> hashes = new ArrayList<>(chunk.size());
      try (AbstractPipeline p = redis.pipelined()) {
        chunk.forEach(id -> hashes.add(p.hgetAll(Keyspace.article(id))));
        p.sync();
      }
      for (int i = 0; i < chunk.size(); i++) {
        Article a = ArticleHash.fromHash(chunk.get(i), hashes.get(i).get());
        if (a != null) {
          out.add(a);
        }
      }
    }
    return out;
  }
}
