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
    int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), queries.size()));
    Object[] out = new Object[queries.size()];
    IntStream.range(0, workers).parallel().forEach(worker -> {
      double[] scratch = new double[items];
      for (int q = worker; q < queries.size(); q += workers) {
        Arrays.fill(scratch, 0);
        out[q] = step.apply(q, queries.get(q), scratch);
      }
    });
    @SuppressWarnings("unchecked")
    List<T> results = (List<T>) Arrays.asList(out);
    return results;
  }
}
