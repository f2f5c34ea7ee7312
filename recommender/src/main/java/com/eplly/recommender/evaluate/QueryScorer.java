package com.eplly.recommender.evaluate;

import java.util.function.BiConsumer;

/** A model as the evaluator sees it: scores every known item for one query. */
public interface QueryScorer {

  String name();

  /** Adds this model's score of each item to {@code out} (zeroed by the caller); higher = better. */
  void score(Query query, double[] out);

  /** The scorer called {@code name} that scores by {@code score}. */
  static QueryScorer of(String name, BiConsumer<Query, double[]> score) {
    return new QueryScorer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void score(Query query, double[] out) {
        score.accept(query, out);
      }
    };
  }
}
