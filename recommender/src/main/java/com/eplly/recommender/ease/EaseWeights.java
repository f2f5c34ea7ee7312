package com.eplly.recommender.ease;

import com.eplly.recommender.hybrid.BoundedTopK;
import com.eplly.recommender.hybrid.TopIndexes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EASE weights in a form to broadcast (items² floats, bounded by the modelled items, not the
 * data), giving one article's neighbours or one reader's history scores at a time.
 */
public final class EaseWeights implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String[] labels;
  private final float[] weights;
  private final Map<String, Integer> index;

  EaseWeights(String[] labels, float[] weights) {
    this.labels = labels;
    this.weights = weights;
    this.index = new HashMap<>(labels.length * 2);
    for (int i = 0; i < labels.length; i++) {
      index.put(labels[i], i);
    }
  }

  public int items() {
    return labels.length;
  }

  public String label(int i) {
    return labels[i];
  }

  /** Article {@code i}'s (at most {@code k}) positive weights, best first, ties by id. */
  public List<BoundedTopK.Entry> neighbours(int i, int k) {
    int n = labels.length;
    double[] row = new double[n];
    for (int j = 0; j < n; j++) {
      row[j] = weights[i * n + j];
    }
    return entries(row, TopIndexes.above(row, k, 0));
  }

  /**
   * The (at most {@code depth}) positively scored unread articles, best first, ties by id: a
   * reader's score of article j is the sum of B[i][j] over the read articles i.
   */
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
    return entries(s, TopIndexes.above(s, depth, 0));
  }

  private List<BoundedTopK.Entry> entries(double[] scores, int[] top) {
    List<BoundedTopK.Entry> out = new ArrayList<>(top.length);
    for (int j : top) {
      out.add(new BoundedTopK.Entry(labels[j], scores[j]));
    }
    return out;
  }
}
