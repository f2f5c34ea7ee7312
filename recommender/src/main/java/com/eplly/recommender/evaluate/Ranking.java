package com.eplly.recommender.evaluate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Turns scores into top-n lists and lists into metrics. */
public final class Ranking {

  private Ranking() {}

  /**
   * The {@code n} best items of {@code scores} among the query's candidates, skipping excluded
   * items; ties go to the lower index so that results are repeatable.
   */
  public static int[] top(double[] scores, Query query, int n) {
    return top(scores, query, n, query.candidates());
  }

  /** As {@link #top(double[], Query, int)}, among {@code pool} (distinct items; null: all items). */
  static int[] top(double[] scores, Query query, int n, int[] pool) {
    // A reused array: a fresh one per call (an item index's worth) cost more than the ranking
    // of a short pool. Marked for the query's exclusions and unmarked before returning.
    boolean[] skip = SKIP.get();
    if (skip.length < scores.length) {
      skip = new boolean[scores.length];
      SKIP.set(skip);
    }
    for (int e : query.exclude()) {
      if (e >= 0) {
        skip[e] = true;
      }
    }
    try {
      return top(scores, n, pool, skip);
    } finally {
      for (int e : query.exclude()) {
        if (e >= 0) {
          skip[e] = false;
        }
      }
    }
  }

  private static final ThreadLocal<boolean[]> SKIP = ThreadLocal.withInitial(() -> new boolean[0]);

  private static int[] top(double[] scores, int n, int[] pool, boolean[] skip) {
    int size = pool == null ? scores.length : pool.length;
    // Bounded min-heap on (score, -index): the root is the weakest of the kept items.
    int[] heap = new int[n];
    int count = 0;
    for (int p = 0; p < size; p++) {
      int item = pool == null ? p : pool[p];
      if (item < 0 || skip[item]) {
        continue;
      }
      if (count < n) {
        heap[count++] = item;
        siftUp(heap, count - 1, scores);
      } else if (better(item, heap[0], scores)) {
        heap[0] = item;
        siftDown(heap, 0, count, scores);
      }
    }
    Integer[] out = new Integer[count];
    for (int i = 0; i < count; i++) {
      out[i] = heap[i];
    }
    Arrays.sort(out, (a, b) -> better(a, b, scores) ? -1 : better(b, a, scores) ? 1 : 0);
    return Arrays.stream(out).mapToInt(Integer::intValue).toArray();
  }

  private static boolean better(int a, int b, double[] s) {
    return s[a] > s[b] || (s[a] == s[b] && a < b);
  }

  private static void siftUp(int[] h, int i, double[] s) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (better(h[parent], h[i], s)) {
        int t = h[parent];
        h[parent] = h[i];
        h[i] = t;
        i = parent;
      } else {
        return;
      }
    }
  }

  private static void siftDown(int[] h, int i, int n, double[] s) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int weakest = i;
      if (l < n && better(h[weakest], h[l], s)) {
        weakest = l;
      }
      if (r < n && better(h[weakest], h[r], s)) {
        weakest = r;
      }
      if (weakest == i) {
        return;
      }
      int t = h[weakest];
      h[weakest] = h[i];
      h[i] = t;
      i = weakest;
    }
  }

  /** Mean metrics at {@code k}; coverage is over {@code items}, novelty over training popularity. */
  public static MetricSet metrics(List<Query> queries, List<int[]> lists, int k, int items, double[] popularityShare,
      int population) {
    return metrics(queries, lists, k, items, popularityShare, population, null);
  }

  /** As above, with the popularity bias over {@code clickPopularity} (null: not measured, 0). */
  public static MetricSet metrics(List<Query> queries, List<int[]> lists, int k, int items, double[] popularityShare,
      int population, double[] clickPopularity) {
    double hr = 0;
    double mrr = 0;
    double ndcg = 0;
    double precision = 0;
    double recall = 0;
    double map = 0;
    for (int i = 0; i < queries.size(); i++) {
      Query q = queries.get(i);
      int[] l = lists.get(i);
      hr += RankingMetrics.hit(l, q.relevant(), k);
      mrr += RankingMetrics.reciprocalRank(l, q.relevant(), k);
      ndcg += RankingMetrics.ndcg(l, q.relevant(), q.relevantTotal(), k);
      precision += RankingMetrics.precision(l, q.relevant(), k);
      recall += RankingMetrics.recall(l, q.relevant(), q.relevantTotal(), k);
      map += RankingMetrics.averagePrecision(l, q.relevant(), q.relevantTotal(), k);
    }
    double n = Math.max(1, queries.size());
    return new MetricSet(k, hr / n, mrr / n, ndcg / n, precision / n, recall / n, map / n,
        RankingMetrics.coverage(lists, k, items), RankingMetrics.novelty(lists, k, popularityShare, population),
        clickPopularity == null ? 0 : RankingMetrics.popularityBias(lists, k, clickPopularity), Double.NaN);
  }

  /** HR@k for k = 1..n. */
  public static double[] hitCurve(List<Query> queries, List<int[]> lists, int n) {
    double[] curve = new double[n];
    for (int i = 0; i < queries.size(); i++) {
      int[] l = lists.get(i);
      for (int r = 0; r < Math.min(n, l.length); r++) {
        if (queries.get(i).relevant().contains(l[r])) {
          for (int k = r; k < n; k++) {
            curve[k] += 1;
          }
          break;
        }
      }
    }
    for (int k = 0; k < n; k++) {
      curve[k] /= Math.max(1, queries.size());
    }
    return curve;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
