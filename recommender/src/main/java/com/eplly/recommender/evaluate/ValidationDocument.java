package com.eplly.recommender.evaluate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * model.json's {@code validation}: the evaluation document of a training's self-tuning plus its
 * replay of the active version ({@link #COMPARISON}); the one place that writes and reads its keys.
 */
public record ValidationDocument(Map<String, Object> doc) {

  /** Where the replay of the active version next to this one is kept. */
  public static final String COMPARISON = "comparisonWithActive";
  static final String COMPARED_WITH = "active";
  static final String ACTIVE_REFERENCE_TIME = "activeReferenceTime";
  static final String QUERIES = "queries";
  static final String CANDIDATE_FIGURES = "candidateFigures";
  static final String ACTIVE_FIGURES = "activeFigures";

  public ValidationDocument {
    doc = doc == null ? Map.of() : doc;
  }

  /** The document a validation is recorded as. */
  public static Map<String, Object> of(Evaluation.Validation v) {
    Map<String, Object> doc = new LinkedHashMap<>(EvaluationReport.document(v.result()));
    doc.put(COMPARISON, v.comparison());
    return doc;
  }

  /** A replay of the active version: both served paths' figures per cut-off on the same queries. */
  static Map<String, Object> comparison(String active, long activeReferenceTime, int queries, ModelResult candidate,
      ModelResult activeResult) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(COMPARED_WITH, active);
    out.put(ACTIVE_REFERENCE_TIME, Instant.ofEpochMilli(activeReferenceTime).toString());
    out.put(QUERIES, queries);
    out.put(CANDIDATE_FIGURES, EvaluationReport.atK(candidate));
    out.put(ACTIVE_FIGURES, EvaluationReport.atK(activeResult));
    return out;
  }

  public boolean isEmpty() {
    return doc.isEmpty();
  }

  /** The validation window's cut-off, when the protocol has one. */
  public Optional<String> cutOff() {
    return Optional.ofNullable(map(doc.get(EvaluationReport.SPLIT)).get(LakeReplay.CUT_OFF)).map(String::valueOf);
  }

  /** The served path's figures at {@code k} on the validation window (empty when absent). */
  public Figures served(int k) {
    return new Figures(map(map(map(map(doc.get(EvaluationReport.MODELS)).get(Evaluation.SERVED))
        .get(EvaluationReport.AT_K)).get(String.valueOf(k))));
  }

  /** Whether the active version was replayed next to this one. */
  public boolean compared() {
    return !map(doc.get(COMPARISON)).isEmpty();
  }

  /** The version the replay compared with, or null. */
  public Object comparedWith() {
    return map(doc.get(COMPARISON)).get(COMPARED_WITH);
  }

  public Object comparedQueries() {
    return map(doc.get(COMPARISON)).get(QUERIES);
  }

  /** This version's served figures at {@code k} in the replay. */
  public Figures candidate(int k) {
    return new Figures(map(map(map(doc.get(COMPARISON)).get(CANDIDATE_FIGURES)).get(String.valueOf(k))));
  }

  /** The active version's served figures at {@code k} in the replay. */
  public Figures active(int k) {
    return new Figures(map(map(map(doc.get(COMPARISON)).get(ACTIVE_FIGURES)).get(String.valueOf(k))));
  }

  /** One model's figures at one cut-off, as metrics.json holds them; 0 when absent. */
  public record Figures(Map<String, Object> values) {

    public boolean present() {
      return !values.isEmpty();
    }

    public double hr() {
      return number(EvaluationReport.HR);
    }

    public double mrr() {
      return number(EvaluationReport.MRR);
    }

    public double coverage() {
      return number(EvaluationReport.COVERAGE);
    }

    private double number(String name) {
      return values.get(name) instanceof Number n ? n.doubleValue() : 0;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
