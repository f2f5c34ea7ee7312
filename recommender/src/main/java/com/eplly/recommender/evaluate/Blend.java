package com.eplly.recommender.evaluate;

import com.eplly.recommender.hybrid.HybridBlend;
import java.util.Arrays;
import java.util.List;

/**
 * The hybrid as the evaluator scores it, by {@link HybridBlend}'s rule: each source's scores are
 * min-max normalised over the query's candidates, only its top {@code depth} items are kept, and
 * the weighted sum ranks.
 * {@link #prepare} computes the per-source lists once, so that many weightings can be tried
 * cheaply on a validation split.
 */
public final class Blend {

  /** Items each source contributes per query. */
  public static final int DEPTH = HybridBlend.DEPTH;

  /** One source's normalised top items for one query. */
  record Part(int[] items, float[] scores) {}

  private final List<Query> queries;
  private final int items;
  private final Part[][] parts; // [query][source]

  private Blend(List<Query> queries, int items, Part[][] parts) {
    this.queries = queries;
    this.items = items;
    this.parts = parts;
  }

  public static Blend prepare(List<ScoreSource> sources, List<Query> queries, int items) {
    List<Part[]> parts = PerQuery.map(queries, items, (q, query, scores) -> {
      Part[] perSource = new Part[sources.size()];
      for (int s = 0; s < sources.size(); s++) {
        Arrays.fill(scores, 0);
        sources.get(s).score(query, scores);
        int[] top = Ranking.top(scores, query, DEPTH);
        double max = top.length == 0 ? 0 : scores[top[0]];
        double min = minOverCandidates(scores, query);
        float[] norm = new float[top.length];
        for (int i = 0; i < top.length; i++) {
          norm[i] = (float) HybridBlend.normalised(scores[top[i]], min, max);
        }
        perSource[s] = new Part(top, norm);
      }
      return perSource;
    });
    return new Blend(queries, items, parts.toArray(Part[][]::new));
  }

  private static double minOverCandidates(double[] scores, Query q) {
    double min = Double.POSITIVE_INFINITY;
    if (q.candidates() != null) {
      for (int c : q.candidates()) {
        if (c >= 0) {
          min = Math.min(min, scores[c]);
        }
      }
    } else {
      for (double v : scores) {
        min = Math.min(min, v);
      }
    }
    return min == Double.POSITIVE_INFINITY ? 0 : min;
  }

  /** Top-{@code n} lists of the weighted blend ({@code weights} in source order). */
  public List<int[]> lists(double[] weights, int n) {
    return PerQuery.map(queries, items, (q, query, scores) -> list(parts[q], query, weights, n, scores));
  }

  /**
   * Items no source kept score 0 and every blended score is at least 0, so when enough items score
   * above 0 the list is among them, and only they need ranking (the weight search calls this
   * hundreds of times).
   */
  private static int[] list(Part[] parts, Query query, double[] weights, int n, double[] scores) {
    int kept = 0;
    for (int s = 0; s < weights.length; s++) {
      if (weights[s] != 0) {
        Part p = parts[s];
        kept += p.items().length;
        for (int i = 0; i < p.items().length; i++) {
          scores[p.items()[i]] += weights[s] * p.scores()[i];
        }
      }
    }
    if (query.candidates() != null) {
      return Ranking.top(scores, query, n);
    }
    int[] positive = new int[kept];
    int count = 0;
    for (int s = 0; s < weights.length; s++) {
      if (weights[s] != 0) {
        for (int item : parts[s].items()) {
          if (scores[item] > 0) {
            positive[count++] = item;
          }
        }
      }
    }
    Arrays.sort(positive, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || positive[distinct - 1] != positive[i]) {
        positive[distinct++] = positive[i];
      }
    }
    return distinct >= n + query.exclude().length
        ? Ranking.top(scores, query, n, Arrays.copyOf(positive, distinct))
        : Ranking.top(scores, query, n);
  }
  public List<Query> queries() {
    return queries;
  }
}
