package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.Interaction;
import java.util.List;

/** How a dataset is split into training data and ranking queries. */
public interface Protocol {

  /** Name recorded in metrics.json. */
  String name();

  /** The cut-off the headline metrics are reported at. */
  int k();

  /** Splits {@code data}; {@code seed} drives any randomness. */
  ProtocolSplit split(List<Interaction> data, long seed);

  /**
   * The protocol that carves the validation split out of the test split's training part; the same
   * one unless a protocol's test rule would leave too few validation queries.
   */
  default Protocol forValidation() {
    return this;
  }

  /** Whether a higher metric on validation means "better" by nDCG@k (users) or by HR+MRR (sessions). */
  default double objective(MetricSet m) {
    return m.ndcg();
  }
}
