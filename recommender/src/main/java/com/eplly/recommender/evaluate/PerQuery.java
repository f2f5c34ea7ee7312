package com.eplly.recommender.evaluate;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a per-query step on every core. Each worker owns one score array the size of the item
 * index, zeroed before every query, so that steps allocate nothing per query; results keep the
 * queries' order, so the outcome does not depend on the scheduling.
 */
final class PerQuery {

  private PerQuery() {}

  /** One query's work: its position in the list, the query, and the worker's zeroed scores. */
  @FunctionalInterface
  interface Step<T> {
    T apply(int index, Query query, double[] scores);
  }

  static <T> List<T> map(List<Query> queries, int items, Step<T> step) {
    return map(queries, items, step, true);
  }

  /**
   * As {@link #map}, for a step that writes only a few of the scores and sets them back to 0
   * before it returns: the array is then not zeroed before every query (on a large catalog that
   * zeroing cost more than the step, hundreds of times over in the hybrid's weight search).
   */
  static <T> List<T> mapLeavingZeros(List<Query> queries, int items, Step<T> step) {
    return map(queries, items, step, false);
  }

  private static <T> List<T> map(List<Query> queries, int items, Step<T> step, boolean zero) {
    int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), queries.size()));
    Object[] out = new Object[queries.size()];
    IntStream.range(0, workers).parallel().forEach(worker -> {
      double[] scratch = new double[items];
      for (int q = worker; q < queries.size(); q += workers) {
        if (zero) {
          Arrays.fill(scratch, 0);
        }
        out[q] = step.apply(q, queries.get(q), scratch);
      }
    });
    @SuppressWarnings("unchecked")
    List<T> results = (List<T>) Arrays.asList(out);
    return results;
  }
}
