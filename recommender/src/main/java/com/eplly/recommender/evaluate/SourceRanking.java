package com.eplly.recommender.evaluate;

import com.eplly.recommender.hybrid.BlendRule;
import java.util.Arrays;
import java.util.List;

/**
 * One source's ranking of a split's queries, computed once: per query its top {@link BlendRule#DEPTH}
 * items, best first, with their scores min-max normalised as the hybrid reads them. The source's
 * own top-n lists are the heads of these, so a source is scored once per split however it is used.
 */
record SourceRanking(String name, List<Top> tops) {

  /** One query's top items and their normalised scores. */
  record Top(int[] items, float[] normalised) {}

  static SourceRanking of(QueryScorer source, List<Query> queries, int items) {
    return new SourceRanking(source.name(), PerQuery.map(queries, items, (q, query, scores) -> {
      source.score(query, scores);
      int[] top = Ranking.top(scores, query, BlendRule.DEPTH);
      double max = top.length == 0 ? 0 : scores[top[0]];
      double min = minOverCandidates(scores, query);
      float[] normalised = new float[top.length];
      for (int i = 0; i < top.length; i++) {
        normalised[i] = (float) BlendRule.normalised(scores[top[i]], min, max);
      }
      return new Top(top, normalised);
    }));
  }

  /** A source that ranks nothing for any of {@code queries} queries (one weighing 0 in a blend). */
  static SourceRanking empty(String name, int queries) {
    Top none = new Top(new int[0], new float[0]);
    return new SourceRanking(name, java.util.Collections.nCopies(queries, none));
  }

  /** Top-{@code n} lists ({@code n} at most {@link BlendRule#DEPTH}). */
  List<int[]> lists(int n) {
    return tops.stream().map(t -> t.items().length <= n ? t.items() : Arrays.copyOf(t.items(), n)).toList();
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
}
