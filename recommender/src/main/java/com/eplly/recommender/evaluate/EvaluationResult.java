package com.eplly.recommender.evaluate;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code reco evaluate} reports.
 *
 * @param dataset  dataset name
 * @param source   where it was read from
 * @param protocol protocol description
 * @param k        headline cut-off
 * @param seed     seed of the split and of every random choice
 * @param split    counts of the split
 * @param tuning   chosen hyper-parameters and hybrid weights (fit on the validation split)
 * @param models   per model, in report order
 * @param variants extra protocols on the same models (e.g. CHAMELEON's sampled negatives)
 * @param seconds  wall time of the whole evaluation
 */
public record EvaluationResult(String dataset, String source, String protocol, int k, long seed,
    Map<String, Object> split, Map<String, Object> tuning, List<ModelResult> models,
    Map<String, List<ModelResult>> variants, double seconds) {}
