package com.eplly.ingest.content;

import com.eplly.contracts.content.ContentText;
import com.eplly.contracts.event.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * In-memory TF-IDF index of the recent catalog, for content neighbours of articles the last
 * training has not seen. Same terms as the offline model ({@link ContentText}); IDF is MLlib's,
 * {@code ln((n + 1) / (df + 1))}, over the indexed articles; similarity is the cosine of the
 * TF-IDF vectors. Bounded: the newest {@code maxArticles} articles published within {@code maxAge}.
 *
 * <p>Where scores differ from the recommender's ContentSimilarity, by design: terms are exact here
 * (MLlib hashes them into 2^18 buckets, so rare collisions merge two terms there); document
 * frequencies come from this index, not from the training's whole catalog; MLlib lower-cases
 * with the JVM's default locale, {@link ContentText} with the root locale (the same outside
 * locales such as Turkish); and only servable articles are indexed.
 *
 * <p>Not thread-safe: {@link LiveContent} serialises access.
 */
public final class LiveContentIndex {

  private record Doc(String articleId, long publishedAt, Map<String, Integer> termCounts) {}

  private static final Comparator<Doc> OLDEST_FIRST =
      Comparator.comparingLong(Doc::publishedAt).thenComparing(Doc::articleId);

  private final int maxArticles;
  private final long maxAgeMs;
  private final int categoryWeight;
  private final Map<String, Doc> docs = new HashMap<>();
  private final TreeSet<Doc> byAge = new TreeSet<>(OLDEST_FIRST);
  /** term → ids of the indexed articles holding it; its size is the term's document frequency. */
  private final Map<String, Set<String>> postings = new HashMap<>();
  /** TF-IDF vector lengths; any change of the index changes IDF, so it empties the cache. */
  private final Map<String, Double> norms = new HashMap<>();

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
    this.categoryWeight = categoryWeight;
  }

  /**
   * Adds the article or replaces its earlier version, then drops what fell out of the bounds.
   *
   * @return whether the article is indexed (false when it is too old to be kept)
   */
  public boolean put(Article article, long nowMs) {
    remove(article.articleId());
    norms.clear();
    Map<String, Integer> counts = new HashMap<>();
    for (String term : ContentText.documentTokens(article, categoryWeight)) {
      counts.merge(term, 1, Integer::sum);
    }
    Doc doc = new Doc(article.articleId(), article.publishedAt(), Map.copyOf(counts));
    docs.put(doc.articleId(), doc);
    byAge.add(doc);
    counts.keySet().forEach(t -> postings.computeIfAbsent(t, x -> new HashSet<>()).add(doc.articleId()));
    evict(nowMs);
    return docs.containsKey(article.articleId());
  }

  /** Forgets the article (deleted, hidden or expired); unknown ids are ignored. */
  public void remove(String articleId) {
    Doc doc = docs.remove(articleId);
    if (doc == null) {
      return;
    }
    byAge.remove(doc);
    norms.clear();
    for (String term : doc.termCounts().keySet()) {
      Set<String> ids = postings.get(term);
      ids.remove(articleId);
      if (ids.isEmpty()) {
        postings.remove(term);
      }
    }
  }

  /**
   * The {@code k} indexed articles most similar to an indexed one, best first (ties by id), with
   * a cosine of at least {@code minScore} and above 0; empty for an unknown article.
   */
  public List<Neighbour> similar(String articleId, int k, double minScore) {
    Doc doc = docs.get(articleId);
    if (doc == null) {
      return List.of();
    }
    double norm = norm(doc);
    if (norm == 0) {
      return List.of();
    }
    Map<String, Double> dots = new HashMap<>();
    doc.termCounts().forEach((term, count) -> {
      double idf = idf(term);
      if (idf == 0) {
        return;
      }
      for (String other : postings.get(term)) {
        if (!other.equals(articleId)) {
          dots.merge(other, count * idf * docs.get(other).termCounts().get(term) * idf, Double::sum);
        }
      }
    });
    List<Neighbour> out = new ArrayList<>(dots.size());
    dots.forEach((other, dot) -> {
      double score = dot / (norm * norm(docs.get(other)));
      if (score > 0 && score >= minScore) {
        out.add(new Neighbour(other, Math.min(1.0, score)));
      }
    });
    out.sort(Comparator.comparingDouble(Neighbour::score).reversed().thenComparing(Neighbour::articleId));
    return out.size() > k ? List.copyOf(out.subList(0, k)) : out;
  }

  public int size() {
    return docs.size();
  }

  public boolean contains(String articleId) {
    return docs.containsKey(articleId);
  }

  private void evict(long nowMs) {
    long oldest = nowMs - maxAgeMs;
    while (!byAge.isEmpty() && (docs.size() > maxArticles || byAge.first().publishedAt() < oldest)) {
      remove(byAge.first().articleId());
    }
  }

  private double norm(Doc doc) {
    return norms.computeIfAbsent(doc.articleId(), id -> {
      double sum = 0;
      for (Map.Entry<String, Integer> e : doc.termCounts().entrySet()) {
        double w = e.getValue() * idf(e.getKey());
        sum += w * w;
      }
      return Math.sqrt(sum);
    });
  }

  /** MLlib's smoothed IDF: a term in every indexed article weighs 0. */
  private double idf(String term) {
    Set<String> ids = postings.get(term);
    int df = ids == null ? 0 : ids.size();
    return Math.log((docs.size() + 1.0) / (df + 1.0));
  }
}
