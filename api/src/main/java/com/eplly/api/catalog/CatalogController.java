package com.eplly.api.catalog;

import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.NotFoundException;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.codec.Validation;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.redis.Keyspace;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** {@code GET /v1/articles/{id}} and {@code GET /v1/articles}: catalog reads for the demo portal. */
@RestController
@Tag(name = "catalog")
public class CatalogController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final UnifiedJedis redis;
  private final ArticleLookup lookup;
  private final Clock clock;

  public CatalogController(UnifiedJedis redis, ArticleLookup lookup, Clock clock) {
    this.redis = redis;
    this.lookup = lookup;
    this.clock = clock;
  }

  /** The whole article (summary and tags included); while Redis is down, its cached serving fields. */
  @GetMapping("/v1/articles/{id}")
  public Article article(@PathVariable String id) {
    if (!Validation.isId(id)) {
      throw new BadRequestException("article id must be 1-128 characters of [A-Za-z0-9._:-]");
    }
    Article article;
    try {
      article = ArticleHash.fromHash(id, redis.hgetAll(Keyspace.article(id)));
    } catch (JedisException e) {
      article = lookup.cached(List.of(id)).get(id);
      if (article == null) {
        throw new UnavailableException("the catalog is unavailable, retry later", e);
      }
    }
    if (article == null) {
      throw new NotFoundException("no article " + id);
    }
    return article;
  }

  /** The newest servable articles. */
  @GetMapping("/v1/articles")
  public ArticleList latest(@RequestParam(required = false) String limit) {
    int n = parseLimit(limit);
    try {
      List<String> ids = redis.zrevrange(Keyspace.latestArticles(), 0, n - 1);
      Map<String, Article> known = lookup.find(ids);
      long now = clock.millis();
      return new ArticleList(ids.stream()
          .map(known::get)
          .filter(Objects::nonNull)
          .filter(a -> a.servableAt(now))
          .toList());
    } catch (JedisException e) {
      throw new UnavailableException("the catalog is unavailable, retry later", e);
    }
  }

  private static int parseLimit(String raw) {
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // same message as out of range
    }
    throw new BadRequestException("limit must be an integer between 1 and " + MAX_LIMIT);
  }
}
