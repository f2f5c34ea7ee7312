package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.Interaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol applied to data: the training interactions, the items they know, the test queries,
 * counts describing the split, further query sets asked of the same models (the lake's anonymous
 * sessions next to its article pages), and one query per known reader holding the training
 * history train builds that reader's published list from.
 */
public record ProtocolSplit(String protocol, List<Interaction> train, ItemIndex items, List<Query> queries,
    Map<String, Object> stats, Map<String, List<Query>> variants, List<Query> readers) {

  /** A split whose queries are its only ones, each reader's first query standing for its training history. */
  public ProtocolSplit(String protocol, List<Interaction> train, ItemIndex items, List<Query> queries,
      Map<String, Object> stats) {
    this(protocol, train, items, queries, stats, Map.of(), firstPerReader(queries));
  }

  private static List<Query> firstPerReader(List<Query> queries) {
    Map<String, Query> first = new LinkedHashMap<>();
    for (Query q : queries) {
      if (q.readerId() != null) {
        first.putIfAbsent(q.readerId(), q);
      }
    }
    return List.copyOf(first.values());
  }
}
