package com.eplly.contracts.content;

import com.eplly.contracts.event.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content-similarity rule the offline model and the live index must agree on, as an exact
 * in-memory index: an article's terms are {@link ContentText}'s, a term weighs its count times
 * MLlib's smoothed IDF over the indexed articles ({@link #idf}), and two articles' similarity is the
 * cosine of those vectors. The recommender computes the same with MLlib (HashingTF, IDF, L2
 * Normalizer, {@code ContentSimilarity}); its tests hold the two to the same neighbours. Ingest's
 * live index keeps one of these over the recent catalog.
 *
 * <p>Terms are exact here, where MLlib hashes them into {@code numFeatures} buckets: only a hash
 * collision between two terms of one catalog can make the two disagree.
 *
 * <p>Not thread-safe.
 */
public final class TfIdfIndex {

  private final int categoryWeight;
  private final Map<String, Map<String, Integer>> termCounts = new HashMap<>();
  /** term → ids of the indexed articles holding it; its size is the term's document frequency. */
  private final Map<String, Set<String>> postings = new HashMap<>();
  /** TF-IDF vector lengths; any change of the index changes IDF, so it empties the cache. */
  private final Map<String, Double> norms = new HashMap<>();

  /** @param categoryWeight times the category token counts ({@link ContentText#documentTokens}) */
  public TfIdfIndex(int categoryWeight) {
    this.categoryWeight = categoryWeight;
  }

  /** MLlib's smoothed IDF, {@code ln((n + 1) / (df + 1))}: a term in every one of {@code n} articles weighs 0. */
  public static double idf(int n, int df) {
    return Math.log((n + 1.0) / (df + 1.0));
  }

  /** Adds the article, or replaces its earlier version. */
  public void put(Article article) {
    remove(article.articleId());
    Map<String, Integer> counts = new HashMap<>();
    for (String term : ContentText.documentTokens(article, categoryWeight)) {
      counts.merge(term, 1, Integer::sum);
    }
    termCounts.put(article.articleId(), Map.copyOf(counts));
    counts.keySet().forEach(t -> postings.computeIfAbsent(t, x -> new HashSet<>()).add(article.articleId()));
  }

  /** Forgets the article; unknown ids are ignored. */
  public void remove(String articleId) {
    Map<String, Integer> counts = termCounts.remove(articleId);
    norms.clear();
    if (counts == null) {
      return;
    }
    for (String term : counts.keySet()) {
      Set<String> ids = postings.get(term);
      ids.remove(articleId);
      if (ids.isEmpty()) {
        postings.remove(term);
      }
    }
  }

  public int size() {
    return termCounts.size();
  }

  public boolean contains(String articleId) {
    return termCounts.containsKey(articleId);
  }

  /**
   * The {@code k} indexed articles most similar to an indexed one, best first (ties by id), with
   * a cosine of at least {@code minScore} and above 0; empty for an unknown article.
   */
  public List<ContentNeighbour> similar(String articleId, int k, double minScore) {
    Map<String, Integer> counts = termCounts.get(articleId);
    if (counts == null) {
      return List.of();
    }
    double norm = norm(articleId);
    if (norm == 0) {
      return List.of();
    }
    Map<String, Double> dots = new HashMap<>();
    counts.forEach((term, count) -> {
      double idf = idf(term);
      if (idf == 0) {
        return;
      }
      for (String other : postings.get(term)) {
        if (!other.equals(articleId)) {
          dots.merge(other, count * idf * termCounts.get(other).get(term) * idf, Double::sum);
        }
      }
    });
    List<ContentNeighbour> out = new ArrayList<>(dots.size());
    dots.forEach((other, dot) -> {
      double score = dot / (norm * norm(other));
      if (score > 0 && score >= minScore) {
        out.add(new ContentNeighbour(other, Math.min(1.0, score)));
      }
    });
    out.sort(Comparator.comparingDouble(ContentNeighbour::score).reversed().thenComparing(ContentNeighbour::articleId));
    return out.size() > k ? List.copyOf(out.subList(0, k)) : out;
  }

  private double norm(String articleId) {
    return norms.computeIfAbsent(articleId, id -> {
      double sum = 0;
      for (Map.Entry<String, Integer> e : termCounts.get(id).entrySet()) {
        double w = e.getValue() * idf(e.getKey());
        sum += w * w;
      }
      return Math.sqrt(sum);
    });
  }

  private double idf(String term) {
    Set<String> ids = postings.get(term);
    return idf(termCounts.size(), ids == null ? 0 : ids.size());
  }
}
