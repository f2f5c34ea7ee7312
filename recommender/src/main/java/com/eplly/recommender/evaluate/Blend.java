package com.eplly.recommender.evaluate;

import com.eplly.recommender.hybrid.HybridBlend;
import java.util.ArrayList;
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
    Part[][] parts = new Part[queries.size()][sources.size()];
    double[] scores = new double[items];
    for (int s = 0; s < sources.size(); s++) {
      for (int q = 0; q < queries.size(); q++) {
        Arrays.fill(scores, 0);
        Query query = queries.get(q);
        sources.get(s).score(query, scores);
        int[] top = Ranking.top(scores, query, DEPTH);
        double max = top.length == 0 ? 0 : scores[top[0]];
        double min = minOverCandidates(scores, query);
        float[] norm = new float[top.length];
        for (int i = 0; i < top.length; i++) {
          norm[i] = (float) HybridBlend.normalised(scores[top[i]], min, max);
        }
        parts[q][s] = new Part(top, norm);
      }
    }
    return new Blend(queries, items, parts);
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
    List<int[]> out = new ArrayList<>(queries.size());
    double[] scores = new double[items];
    for (int q = 0; q < queries.size(); q++) {
      for (int s = 0; s < weights.length; s++) {
        if (weights[s] == 0) {
          continue;
        }
        Part p = parts[q][s];
        for (int i = 0; i < p.items().length; i++) {
          scores[p.items()[i]] += weights[s] * p.scores()[i];
        }
      }
      out.add(Ranking.top(scores, queries.get(q), n));
      for (int s = 0; s < weights.length; s++) {
        for (int item : parts[q][s].items()) {
          scores[item] = 0;
        }
      }
    }
    return out;
  }

  public List<Query> queries() {
    return queries;
  }
}
