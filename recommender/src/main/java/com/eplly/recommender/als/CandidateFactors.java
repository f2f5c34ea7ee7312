package com.eplly.recommender.als;

import com.eplly.recommender.hybrid.BoundedTopK;
import com.eplly.recommender.hybrid.TopIndexes;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate articles' ALS factors, small enough to broadcast (candidates × rank floats),
 * scoring one reader at a time: the same single-precision product MLlib's
 * {@code recommendForAllUsers} computes (the same BLAS call), so the scores are the same floats.
 */
public final class CandidateFactors implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int rank;
  private final String[] labels;
  // Item j's factors at [j * rank, (j + 1) * rank): the column-major rank × n matrix MLlib's blocks use.
  private final float[] factors;
  private final Map<String, Integer> index;

  CandidateFactors(int rank, String[] labels, float[] factors) {
    if (factors.length != rank * labels.length) {
      throw new IllegalArgumentException(labels.length + " articles need " + rank * labels.length + " factors, got "
          + factors.length);
    }
    this.rank = rank;
    this.labels = labels;
    this.factors = factors;
    this.index = new HashMap<>(labels.length * 2);
    for (int j = 0; j < labels.length; j++) {
      index.put(labels[j], j);
    }
  }

  public int articles() {
    return labels.length;
  }

  /**
   * The best {@code depth} unread candidates for a reader's factors, with the min and max over all
   * unread candidates; {@code scratch} must hold at least {@link #articles()} floats.
   */
  public BoundedTopK top(float[] reader, Collection<String> read, int depth, float[] scratch) {
    int n = labels.length;
    if (n == 0) {
      return new BoundedTopK(depth);
    }
    JavaBLAS.getInstance().sgemv("T", rank, n, 1.0f, factors, 0, rank, reader, 0, 1, 0.0f, scratch, 0, 1);
    // A reader has read a handful of the candidates: mark those rather than look every candidate up.
    for (String id : read) {
      Integer j = index.get(id);
      if (j != null) {
        scratch[j] = Float.NaN;
      }
    }
    double[] scores = new double[n];
    long unread = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      scores[j] = scratch[j];
      if (!Float.isNaN(scratch[j])) {
        unread++;
        min = Math.min(min, scores[j]);
        max = Math.max(max, scores[j]);
      }
    }
    if (unread == 0) {
      return new BoundedTopK(depth);
    }
    // Labels are in id order, so TopIndexes' ties by index are BoundedTopK's ties by id.
    List<BoundedTopK.Entry> best = new ArrayList<>(depth);
    for (int j : TopIndexes.above(scores, depth, Double.NEGATIVE_INFINITY)) {
      best.add(new BoundedTopK.Entry(labels[j], scores[j]));
    }
    return BoundedTopK.ofSelected(best, unread, min, max);
  }
}
