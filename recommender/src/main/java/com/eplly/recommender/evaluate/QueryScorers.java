package com.eplly.recommender.evaluate;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/** The evaluator's views of the fitted models (collected to the driver once per fit). */
public final class QueryScorers {

  private QueryScorers() {}

  /** Uniform random scores, seeded by the seed and the query so that reruns agree. */
  public static QueryScorer random(long seed) {
    return QueryScorer.of("random", (q, out) -> {
      SplittableRandom r = new SplittableRandom(seed * 1_000_003L + Arrays.hashCode(q.context()) * 31L
          + Objects.hashCode(q.readerId()) + q.relevant().hashCode());
      for (int i = 0; i < out.length; i++) {
        out[i] += r.nextDouble();
      }
    });
  }

  /** The same score for everyone (popularity). */
  public static QueryScorer constant(String name, double[] scores) {
    return QueryScorer.of(name, (q, out) -> {
      for (int i = 0; i < out.length; i++) {
        out[i] += scores[i];
      }
    });
  }

  /** Item-to-item lists: each context item adds its weight times its neighbours' scores. */
  public static QueryScorer neighbours(String name, int[][] neighbours, float[][] weights) {
    return QueryScorer.of(name, (q, out) -> {
      int[] ctx = q.context();
      for (int c = 0; c < ctx.length; c++) {
        int item = ctx[c];
        if (item < 0 || neighbours[item] == null) {
          continue;
        }
        double w = q.contextWeights()[c];
        int[] n = neighbours[item];
        float[] s = weights[item];
        for (int j = 0; j < n.length; j++) {
          out[n[j]] += w * s[j];
        }
      }
    });
  }

  /**
   * Latent factors: a known reader's own vector, else (anonymous prefixes) the weighted mean of the
   * context items' vectors, dotted with every item's vector.
   */
  public static QueryScorer factors(String name, Map<String, float[]> readers, float[][] items, int rank) {
    return QueryScorer.of(name, (q, out) -> {
      double[] profile = new double[rank];
      float[] own = q.readerId() == null ? null : readers.get(q.readerId());
      if (own != null) {
        for (int f = 0; f < rank; f++) {
          profile[f] = own[f];
        }
      } else {
        for (int c = 0; c < q.context().length; c++) {
          int item = q.context()[c];
          if (item >= 0 && items[item] != null) {
            for (int f = 0; f < rank; f++) {
              profile[f] += q.contextWeights()[c] * items[item][f];
            }
          }
        }
      }
      for (int i = 0; i < out.length; i++) {
        float[] v = items[i];
        if (v != null) {
          double dot = 0;
          for (int f = 0; f < rank; f++) {
            dot += profile[f] * v[f];
          }
          out[i] += dot;
        }
      }
    });
  }
}
