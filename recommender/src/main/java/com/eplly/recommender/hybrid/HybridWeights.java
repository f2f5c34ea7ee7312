package com.eplly.recommender.hybrid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much each candidate source counts in the hybrid: a source's scores are min-max normalised
 * per list, multiplied by its weight and summed. Fit on a validation split by {@code reco evaluate}
 * and recorded in the version's {@code model.json}.
 *
 * @param weights {@link Source#label()} → weight ≥ 0 (a missing source weighs 0)
 */
public record HybridWeights(Map<String, Double> weights) {

  public HybridWeights {
    weights = Map.copyOf(weights);
    weights.forEach((k, v) -> {
      // a misspelt source would otherwise weigh 0 without a word
      Source.labelled(k);
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("hybrid weight of " + k + " must be a finite number >= 0, got " + v);
      }
    });
  }

  /** Equal weights for every source: the starting point of the search, and the untuned default. */
  public static HybridWeights equal() {
    Map<String, Double> w = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      w.put(s.label(), 1.0);
    }
    return new HybridWeights(w);
  }

  public double of(Source source) {
    return weights.getOrDefault(source.label(), 0.0);
  }

  /** {@code co-visitation=1.0,als=0.5,…}: the CLI's and model.json's spelling. */
  public static HybridWeights parse(String spec) {
    Map<String, Double> w = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("=");
      if (kv.length != 2) {
        throw new IllegalArgumentException("expected source=weight pairs separated by commas, got '" + part + "'");
      }
      try {
        w.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("weight of " + kv[0].trim() + " is not a number: '" + kv[1].trim() + "'");
      }
    }
    return new HybridWeights(w);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(weights).forEach((k, v) -> b.append(b.isEmpty() ? "" : ",").append(k).append('=').append(v));
    return b.toString();
  }
}
