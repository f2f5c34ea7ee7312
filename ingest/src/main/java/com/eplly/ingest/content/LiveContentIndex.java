package com.eplly.ingest.content;

import com.eplly.contracts.content.ContentNeighbour;
import com.eplly.contracts.content.ContentText;
import com.eplly.contracts.content.TfIdfIndex;
import com.eplly.contracts.event.Article;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * In-memory TF-IDF index of the recent catalog, for content neighbours of articles the last
 * training has not seen: {@code contracts}' {@link TfIdfIndex} (the offline model's terms, IDF and
 * cosine, see {@link ContentText}), bounded to the newest {@code maxArticles} articles published
 * within {@code maxAge}.
 *
 * <p>Where scores differ from the recommender's ContentSimilarity, by design: document
 * frequencies come from this index, the recent catalog, not from the training's whole catalog
 * (for the same articles the two rank the same neighbours, which the recommender's tests check);
 * terms are exact here (MLlib hashes them into 2^18 buckets, so rare collisions merge two terms
 * there); MLlib lower-cases with the JVM's default locale, {@link ContentText} with the root
 * locale (the same outside locales such as Turkish); and only servable articles are indexed.
 *
 * <p>Not thread-safe: {@link LiveContent} serialises access.
 */
public final class LiveContentIndex {

  private record Dated(String articleId, long publishedAt) {}

  private static final Comparator<Dated> OLDEST_FIRST =
      Comparator.comparingLong(Dated::publishedAt).thenComparing(Dated::articleId);

  private final int maxArticles;
  private final long maxAgeMs;
  private final TfIdfIndex index;
  private final Map<String, Dated> dated = new HashMap<>();
  private final TreeSet<Dated> byAge = new TreeSet<>(OLDEST_FIRST);

  /**
   * @param maxArticles    most articles kept (the oldest leave first)
   * @param maxAge         articles published longer ago than this are not kept
   * @param categoryWeight times the category token counts, as in the offline model
   */
  public LiveContentIndex(int maxArticles, Duration maxAge, int categoryWeight) {
    if (maxArticles < 1) {
      throw new IllegalArgumentException("maxArticles must be at least 1, got " + maxArticles);
    }
    this.maxArticles = maxArticles;
    this.maxAgeMs = maxAge.toMillis();
    this.index = new TfIdfIndex(categoryWeight);
  }

  /**
   * Adds the article or replaces its earlier version, then drops what fell out of the bounds.
   *
   * @return whether the article is indexed (false when it is too old to be kept)
   */
  public boolean put(Article article, long nowMs) {
    remove(article.articleId());
    Dated d = new Dated(article.articleId(), article.publishedAt());
    index.put(article);
    dated.put(d.articleId(), d);
    byAge.add(d);
    evict(nowMs);
    return index.contains(article.articleId());
  }

  /** Forgets the article (deleted, hidden or expired); unknown ids are ignored. */
  public void remove(String articleId) {
    Dated d = dated.remove(articleId);
    if (d != null) {
      byAge.remove(d);
      index.remove(articleId);
    }
  }

  /**
   * The {@code k} indexed articles most similar to an indexed one, best first (ties by id), with
   * a cosine of at least {@code minScore} and above 0; empty for an unknown article.
   */
  public List<ContentNeighbour> similar(String articleId, int k, double minScore) {
    return index.similar(articleId, k, minScore);
  }

  public int size() {
    return index.size();
  }

  public boolean contains(String articleId) {
    return index.contains(articleId);
  }

  private void evict(long nowMs) {
    long oldest = nowMs - maxAgeMs;
    while (!byAge.isEmpty() && (dated.size() > maxArticles || byAge.first().publishedAt() < oldest)) {
      remove(byAge.first().articleId());
    }
  }
}
