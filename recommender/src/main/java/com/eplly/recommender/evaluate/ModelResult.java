package com.eplly.recommender.evaluate;

import java.util.Map;

/**
 * One model's figures in an evaluation.
 *
 * @param name         model name (random, each {@code hybrid.Source}'s label, hybrid)
 * @param headline     metrics at the protocol's k
 * @param byK          metrics at k = 10 and 20
 * @param hitCurve     HR@k for k = 1..20
 * @param trainSeconds time to fit (and collect) the model on the training split
 * @param note         why a model is degenerate (e.g. no catalog), or empty
 */
public record ModelResult(String name, MetricSet headline, Map<Integer, MetricSet> byK, double[] hitCurve,
    double trainSeconds, String note) {}
