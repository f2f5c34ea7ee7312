package com.eplly.api.recommend;

import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.event.Suggestion;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * In-process copies of what every request reads but no reader owns: the model lists of articles
 * (immutable within a version, keyed by it, so a new version is never served from an old copy)
 * and the shared fallback lists (trending, popular, latest; kept very briefly). The reader's and
 * session's own state and live co-visits are never cached here: they are read fresh per request.
 */
@Component
public class NearCache {

  /**
   * The lists shared by every request at one moment.
   *
   * @param trending trending now, blended over the recent buckets
   * @param popular  the version's popular list
   * @param latest   the newest articles
   */
  public record SharedLists(List<Suggestion> trending, List<Suggestion> popular, List<Suggestion> latest) {}

  private final Cache<String, SharedLists> shared;
  private final Cache<String, List<Suggestion>> articleLists;

  public NearCache(EpllyProperties properties) {
    EpllyProperties.Recommend settings = properties.recommend();
    this.shared = build(settings.sharedListsTtl(), 16);
    this.articleLists = build(settings.articleListCacheTtl(), settings.articleListCacheSize());
  }

  private static <V> Cache<String, V> build(Duration ttl, long size) {
    return ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
  }

  /** The shared lists of {@code version} (null: none published), or null when not cached. */
  public SharedLists shared(String version) {
    return shared == null ? null : shared.getIfPresent(Objects.requireNonNullElse(version, ""));
  }

  public void putShared(String version, SharedLists lists) {
    if (shared != null) {
      shared.put(Objects.requireNonNullElse(version, ""), lists);
    }
  }

  /** The model list of an article in {@code version}, or null when not cached. */
  public List<Suggestion> articleList(String version, String articleId) {
    return articleLists == null ? null : articleLists.getIfPresent(version + '\n' + articleId);
  }

  public void putArticleList(String version, String articleId, List<Suggestion> list) {
    if (articleLists != null) {
      articleLists.put(version + '\n' + articleId, List.copyOf(list));
    }
  }
}
