package com.eplly.recommender.hybrid;

import java.util.Arrays;

/**
 * The best few indexes of a dense score array, in primitive arrays: scoring code ranks thousands
 * of candidates per reader or article and keeps a few hundred, so no boxing and no comparator
 * objects on that path. Ties go to the lower index, which is the lower id wherever ids are kept
 * in sorted order.
 */
public final class TopIndexes {

  private TopIndexes() {}

  /**
   * Indexes of the (at most {@code k}) largest values strictly above {@code floor}, best first;
   * NaN values are never kept (mark excluded items with NaN).
   */
  public static int[] above(double[] values, int k, double floor) {
    if (k <= 0) {
      return new int[0];
    }
    // A bounded heap over every value costs about k·ln(n/k) replacements, each a run of
    // unpredictable branches: that, not the scan, was the cost of ranking a reader's 5,000 ALS
    // candidates. A cut that a sample puts near the 2k-th best leaves a pool of about 2k values
    // for the heap; every value of the true top k is in it whenever the pool holds k or more.
    if (values.length >= MIN_SAMPLED * k) {
      double cut = Math.max(floor, sampledCut(values, 2 * k));
      int[] pool = new int[values.length];
      int size = 0;
      for (int j = 0; j < values.length; j++) {
        if (values[j] > cut) {
          pool[size++] = j;
        }
      }
      if (size >= k) {
        return heapTop(values, pool, size, k);
      }
    }
    return heapTop(values, null, values.length, k, floor);
  }

  private static final int MIN_SAMPLED = 8;
  private static final int SAMPLES = 128;

  /** A value that about {@code wanted} of the values exceed, judged on an evenly spaced sample. */
  private static double sampledCut(double[] values, int wanted) {
    int n = values.length;
    int step = Math.max(1, n / SAMPLES);
    double[] sample = new double[n / step];
    int m = 0;
    for (int j = 0; j + step <= n; j += step) {
      double v = values[j];
      if (!Double.isNaN(v)) {
        sample[m++] = v;
      }
    }
    int above = (int) Math.ceil((double) wanted * m / n);
    if (above >= m) {
      return Double.NEGATIVE_INFINITY;
    }
    Arrays.sort(sample, 0, m);
    return sample[m - 1 - above];
  }

  private static int[] heapTop(double[] values, int[] pool, int size, int k) {
    return heapTop(values, pool, size, k, Double.NEGATIVE_INFINITY);
  }

  /** The bounded heap over {@code pool[0..size)} (or over every index when pool is null). */
  private static int[] heapTop(double[] values, int[] pool, int poolSize, int k, double floor) {
    int[] heap = new int[k]; // the weakest kept index at heap[0]
    int size = 0;
    for (int p = 0; p < poolSize; p++) {
      int j = pool == null ? p : pool[p];
      if (!(values[j] > floor)) {
        continue;
      }
      if (size < k) {
        heap[size] = j;
        siftUp(heap, size++, values);
      } else if (worse(heap[0], j, values)) {
        heap[0] = j;
        siftDown(heap, size, values);
      }
    }
    int[] out = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = heap[0];
      heap[0] = heap[i];
      siftDown(heap, i, values);
    }
    return out;
  }

  /** Whether index a ranks below index b: smaller value, or equal and larger index. */
  private static boolean worse(int a, int b, double[] values) {
    return values[a] < values[b] || (values[a] == values[b] && a > b);
  }

  private static void siftUp(int[] heap, int i, double[] values) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!worse(heap[i], heap[parent], values)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[parent];
      heap[parent] = t;
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int size, double[] values) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int w = i;
      if (l < size && worse(heap[l], heap[w], values)) {
        w = l;
      }
      if (r < size && worse(heap[r], heap[w], values)) {
        w = r;
      }
      if (w == i) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[w];
      heap[w] = t;
      i = w;
    }
  }
}
