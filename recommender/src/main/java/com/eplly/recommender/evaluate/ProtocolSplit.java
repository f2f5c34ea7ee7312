package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.Interaction;
import java.util.List;
import java.util.Map;

/**
 * A protocol applied to data: the training interactions, the items they know, the test queries
 * and counts describing the split.
 */
public record ProtocolSplit(String protocol, List<Interaction> train, ItemIndex items, List<Query> queries,
    Map<String, Object> stats) {}
