package com.eplly.recommender.evaluate;

/** A model as the evaluator sees it: scores every known item for one query. */
public interface QueryScorer {

  String name();

  /** Adds this model's score of each item to {@code out} (zeroed by the caller); higher = better. */
  void score(Query query, double[] out);
}
