package com.eplly.recommender.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.evaluate.ValidationDocument;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityGateTest {

  private static final QualityGate GATE = QualityGate.defaults();

  private static ModelMeta candidate(String comparedWith, double mrr, double hr, double coverage, long lists) {
    Map<String, Object> comparison = Map.of("active", comparedWith, "queries", 500,
        "candidateFigures", Map.of("10", Map.of("mrr", mrr, "hr", hr, "coverage", coverage)),
        "activeFigures", Map.of("10", Map.of("mrr", 0.30, "hr", 0.50, "coverage", 0.40)));
    return meta("v2", lists, Map.of("split", Map.of(), ValidationDocument.COMPARISON, comparison));
  }

  private static ModelMeta meta(String version, long lists, Map<String, Object> validation) {
    return new ModelMeta(version, "2026-12-07T00:00:00Z", "2026-12-06T00:00:00Z", Map.of(),
        Map.of("articleLists", lists), Map.of(), 1.0, validation);
  }

  private static final Optional<ModelMeta> ACTIVE_META = Optional.of(meta("v1", 1_000, Map.of()));

  @Test
  void passesACandidateWithinTheGuards() {
    QualityGate.Verdict v = GATE.judge(candidate("v1", 0.29, 0.49, 0.30, 950), Optional.of("v1"), ACTIVE_META);
    assertTrue(v.passed(), v.line());
    assertTrue(v.measured());
    assertTrue(v.line().contains("0.2900") && v.line().contains("0.3000"), v.line());
  }

  @Test
  void refusesMrrOrHrDownMoreThanFivePercent() {
    QualityGate.Verdict mrr = GATE.judge(candidate("v1", 0.28, 0.50, 0.40, 1_000), Optional.of("v1"), ACTIVE_META);
    assertFalse(mrr.passed());
    assertEquals(1, mrr.reasons().size(), mrr.line());
    assertTrue(mrr.reasons().get(0).startsWith("MRR@10 0.2800 vs active 0.3000 (-6.7 %"), mrr.line());
    QualityGate.Verdict hr = GATE.judge(candidate("v1", 0.30, 0.47, 0.40, 1_000), Optional.of("v1"), ACTIVE_META);
    assertFalse(hr.passed());
    assertTrue(hr.reasons().get(0).startsWith("HR@10"), hr.line());
  }

  @Test
  void refusesHalvedCoverageAndTooFewArticleLists() {
    QualityGate.Verdict v = GATE.judge(candidate("v1", 0.30, 0.50, 0.19, 899), Optional.of("v1"), ACTIVE_META);
    assertFalse(v.passed());
    assertEquals(2, v.reasons().size(), v.line());
    assertTrue(v.reasons().get(0).startsWith("catalog coverage 0.190"), v.line());
    assertTrue(v.reasons().get(1).startsWith("899 article lists vs active 1,000"), v.line());
  }

  @Test
  void guardsAreConfigurable() {
    QualityGate lenient = new QualityGate(0.10, 0.5, 0.9);
    assertTrue(lenient.judge(candidate("v1", 0.28, 0.50, 0.40, 1_000), Optional.of("v1"), ACTIVE_META).passed());
  }

  @Test
  void refusesACandidateComparedWithAnotherVersionThanTheActiveOne() {
    QualityGate.Verdict v = GATE.judge(candidate("v0", 0.40, 0.60, 0.40, 1_000), Optional.of("v1"), ACTIVE_META);
    assertFalse(v.passed());
    assertTrue(v.summary().contains("compared with v0 but v1 is active"), v.line());
  }

  @Test
  void passesUnmeasuredWhenNothingIsActiveOrNothingWasCompared() {
    assertTrue(GATE.judge(candidate("v1", 0.1, 0.1, 0.1, 1), Optional.empty(), Optional.empty()).passed());
    QualityGate.Verdict untuned = GATE.judge(meta("v2", 10, Map.of()), Optional.of("v1"), ACTIVE_META);
    assertTrue(untuned.passed());
    assertFalse(untuned.measured());
    assertTrue(untuned.summary().contains("--no-tune"), untuned.line());
  }
}
