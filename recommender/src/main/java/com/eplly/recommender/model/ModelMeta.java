package com.eplly.recommender.model;

import java.util.Map;

/**
 * What {@code model.json} says about a trained version.
 *
 * @param version       folder name and Redis key segment
 * @param createdAt     ISO-8601 instant the training finished
 * @param referenceTime ISO-8601 instant ages (decay) were measured from
 * @param input         counts of what was read (events, readers, articles, sessions, catalog)
 * @param output        counts of what was written (articleLists, readerLists, popular)
 * @param params        every training parameter, for reproducing the version
 * @param trainSeconds  wall time of the training
 * @param validation    how the version tuned itself and how every model scored on the validation
 *                      window it was not fit on (the metrics.json document of that run); empty
 *                      when it did not tune ({@code --no-tune}, or a version trained before)
 */
public record ModelMeta(
    String version,
    String createdAt,
    String referenceTime,
    Map<String, Long> input,
    Map<String, Long> output,
    Map<String, Object> params,
    double trainSeconds,
    Map<String, Object> validation) {

  public ModelMeta {
    input = Map.copyOf(input);
    output = Map.copyOf(output);
    params = Map.copyOf(params);
    validation = validation == null ? Map.of() : validation;
  }

  /** A version without validation figures. */
  public ModelMeta(String version, String createdAt, String referenceTime, Map<String, Long> input,
      Map<String, Long> output, Map<String, Object> params, double trainSeconds) {
    this(version, createdAt, referenceTime, input, output, params, trainSeconds, Map.of());
  }
}
