package com.eplly.recommender.datasets;

import java.util.List;

/**
 * A dataset in session-rec's prepared format: the training file's clicks, and the test file's clicks
 * kept apart (the protocol, not a time rule, decides which sessions are test sessions).
 *
 * @param train training clicks as a dataset (no catalog)
 * @param test  test clicks, in file order
 */
public record SessionFiles(InteractionData train, List<Interaction> test) {

  public SessionFiles {
    test = List.copyOf(test);
  }
}
