package com.eplly.recommender.ease;

import com.eplly.recommender.hybrid.BoundedTopK;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EASE weights in a form small enough to broadcast, scoring one reader's history at a time: the
 * sum of {@code B[i][·]} over the read articles i, read articles excluded.
 */
public final class EaseReaderScorer implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String[] labels;
  private final float[] weights;
  private final Map<String, Integer> index;

  EaseReaderScorer(String[] labels, float[] weights) {
    this.labels = labels;
    this.weights = weights;
    this.index = new HashMap<>(labels.length * 2);
    for (int i = 0; i < labels.length; i++) {
      index.put(labels[i], i);
    }
  }

  /** The (at most {@code depth}) positively scored unread articles, best first, ties by id. */
  public List<BoundedTopK.Entry> top(Collection<String> read, int depth) {
    int n = labels.length;
    int[] seen = read.stream().map(index::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
    if (seen.length == 0) {
      return List.of();
    }
    double[] s = new double[n];
    for (int i : seen) {
      int row = i * n;
      for (int j = 0; j < n; j++) {
        s[j] += weights[row + j];
      }
    }
    for (int i : seen) {
      s[i] = Double.NEGATIVE_INFINITY;
    }
    int[] top = EaseModel.topPositive(s, depth, -1);
    List<BoundedTopK.Entry> out = new ArrayList<>(top.length);
    for (int j : top) {
      out.add(new BoundedTopK.Entry(labels[j], s[j]));
    }
    return out;
  }
}
