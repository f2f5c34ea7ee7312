package com.eplly.recommender.evaluate;

import com.eplly.recommender.hybrid.BlendRule;
import java.util.Arrays;
import java.util.List;

/**
 * The hybrid as the evaluator scores it, by {@link BlendRule}'s rule: each source's scores are
 * min-max normalised over the query's candidates, only its top {@link BlendRule#DEPTH} items are
 * kept, and the weighted sum ranks.
 * {@link #prepare} pools the per-source lists once, so that many weightings can be tried
 * cheaply on a validation split.
 */
public final class PooledBlend {

  /**
   * One query's pool: every item some source kept (distinct, ascending), and each source's
   * normalised score of it ({@code scores[position * sources + source]}, 0 where not kept).
   */
  record Pool(int[] items, float[] scores) {}

  private final List<Query> queries;
  private final int items;
  private final Pool[] pools;

  private PooledBlend(List<Query> queries, int items, Pool[] pools) {
    this.queries = queries;
    this.items = items;
    this.pools = pools;
  }

  /** Pools the sources' top lists (all ranked on {@code queries}, over {@code items} items). */
  static PooledBlend prepare(List<SourceRanking> sources, List<Query> queries, int items) {
    int count = sources.size();
    Pool[] pools = new Pool[queries.size()];
    for (int q = 0; q < pools.length; q++) {
      int query = q;
      SourceRanking.Top[] tops = sources.stream().map(s -> s.tops().get(query)).toArray(SourceRanking.Top[]::new);
      int[] pool = Arrays.stream(tops).flatMapToInt(t -> Arrays.stream(t.items())).sorted().distinct().toArray();
      float[] matrix = new float[pool.length * count];
      for (int s = 0; s < count; s++) {
        int[] top = tops[s].items();
        for (int i = 0; i < top.length; i++) {
          matrix[Arrays.binarySearch(pool, top[i]) * count + s] = tops[s].normalised()[i];
        }
      }
      pools[q] = new Pool(pool, matrix);
    }
    return new PooledBlend(queries, items, pools);
  }

  /** Top-{@code n} lists of the weighted blend ({@code weights} in source order). */
  public List<int[]> lists(double[] weights, int n) {
    return PerQuery.mapLeavingZeros(queries, items, (q, query, scores) -> {
      int[] list = list(pools[q], query, weights, n, scores);
      clear(pools[q], scores);
      return list;
    });
  }

  /**
   * As {@link #lists} but only items some weighted source scored above 0, as a list train writes
   * holds only the items its sources returned (never padded to {@code n}).
   */
  public List<int[]> scoredLists(double[] weights, int n) {
    return PerQuery.mapLeavingZeros(queries, items, (q, query, scores) -> {
      blend(pools[q], weights, scores);
      int[] list = Ranking.top(scores, query, n, Arrays.stream(pools[q].items()).filter(i -> scores[i] > 0).toArray());
      clear(pools[q], scores);
      return list;
    });
  }

  /**
   * Items outside the pool score 0 and every blended score is at least 0, so when enough pool
   * items score above 0 the list is among them, and only the pool needs ranking (the weight
   * search calls this hundreds of times).
   */
  private static int[] list(Pool pool, Query query, double[] weights, int n, double[] scores) {
    int positive = blend(pool, weights, scores);
    return query.candidates() == null && positive >= n
        ? Ranking.top(scores, query, n, pool.items())
        : Ranking.top(scores, query, n);
  }

  /** Sets the pool's scores back to 0 (blend writes no others). */
  private static void clear(Pool pool, double[] scores) {
    for (int item : pool.items()) {
      scores[item] = 0;
    }
  }

  /**
   * Writes the pool's blended scores into {@code scores}; returns how many are above 0. Sources
   * weighing 0 are skipped: their terms are ±0, which leave every sum as it is.
   */
  private static int blend(Pool pool, double[] weights, double[] scores) {
    int[] kept = pool.items();
    float[] matrix = pool.scores();
    int count = weights.length;
    int[] weighted = new int[count];
    int used = 0;
    for (int s = 0; s < count; s++) {
      if (weights[s] != 0) {
        weighted[used++] = s;
      }
    }
    int positive = 0;
    for (int i = 0; i < kept.length; i++) {
      double v = 0;
      int row = i * count;
      for (int u = 0; u < used; u++) {
        int s = weighted[u];
        v += weights[s] * matrix[row + s];
      }
      scores[kept[i]] = v;
      if (v > 0) {
        positive++;
      }
    }
    return positive;
  }
}
