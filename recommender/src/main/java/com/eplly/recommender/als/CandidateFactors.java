package com.eplly.recommender.als;

import com.eplly.recommender.hybrid.BoundedTopK;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
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
    BoundedTopK top = new BoundedTopK(depth);
    if (n == 0) {
      return top;
    }
    JavaBLAS.getInstance().sgemv("T", rank, n, 1.0f, factors, 0, rank, reader, 0, 1, 0.0f, scratch, 0, 1);
    // A reader has read a handful of the candidates: mark those rather than look every candidate up.
    for (String id : read) {
      Integer j = index.get(id);
      if (j != null) {
        scratch[j] = Float.NaN;
      }
    }
    for (int j = 0; j < n; j++) {
      float score = scratch[j];
      if (!Float.isNaN(score)) {
        top.offer(labels[j], score);
      }
    }
    return top;
  }
}
