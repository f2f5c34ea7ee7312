package com.eplly.contracts.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.experiment.ExperimentReport.ArmLook;
import com.eplly.contracts.experiment.ExperimentReport.ArmReport;
import com.eplly.contracts.experiment.ExperimentReport.LiftLook;
import com.eplly.contracts.experiment.ExperimentReport.LiftReport;
import com.eplly.contracts.experiment.ExperimentReport.LookReport;
import com.eplly.contracts.experiment.stats.AlwaysValidTest;
import com.eplly.contracts.experiment.stats.Ctr;
import com.eplly.contracts.experiment.stats.Lift;
import com.eplly.contracts.experiment.stats.Look;
import com.eplly.contracts.experiment.stats.Proportion;
import com.eplly.contracts.experiment.stats.TwoProportionZTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentReporterTest {

  private final AlwaysValidTest alwaysValid = new AlwaysValidTest(AlwaysValidTest.DEFAULT_TAU);
  private final ExperimentReporter reporter = new ExperimentReporter(alwaysValid);
  private final Experiment experiment = Experiment.proposed("hybrid-vs-popular", AssignmentUnit.READER,
      List.of(Arm.ofVersion("A", "v20261127-204501", 50), Arm.ofPolicy("B", Policy.POPULAR, 50)))
      .start(Instant.parse("2026-12-01T08:00:00Z"));

  /** Three looks: the ends of two UTC days, then now. */
  private final List<Map<String, ArmCounts>> looks = List.of(
      Map.of("A", new ArmCounts(900, 2_500, 2_000, 120), "B", new ArmCounts(910, 2_520, 2_010, 95)),
      Map.of("A", new ArmCounts(1_700, 5_100, 4_000, 230), "B", new ArmCounts(1_690, 5_050, 4_020, 180)),
      Map.of("A", new ArmCounts(2_000, 6_000, 4_800, 280), "B", new ArmCounts(2_040, 6_100, 4_850, 210)));

  @Test
  void armsShowTheLastLooksCountsAndTheirCtr() {
    ExperimentReport r = reporter.report(experiment, looks);
    Ctr a = Ctr.of(280, 4_800);

    assertEquals(new ArmReport("A", "v20261127-204501", null, 50, 2_000, 6_000, 4_800, 280, a.ctr(), a.ctrCi95()),
        r.arms().get(0));
    assertEquals(Policy.POPULAR, r.arms().get(1).policy());
    assertEquals(3, r.looks());
  }

  @Test
  void liftComparesTheSecondArmWithTheFirstOverEveryLook() {
    LiftReport lift = reporter.report(experiment, looks).lifts().get(0);
    Proportion a = new Proportion(280, 4_800);
    Proportion b = new Proportion(210, 4_850);
    Lift expected = Lift.of(a, b).orElseThrow();
    double alwaysValidP = alwaysValid.over(List.of(
        new Look(new Proportion(120, 2_000), new Proportion(95, 2_010)),
        new Look(new Proportion(230, 4_000), new Proportion(180, 4_020)),
        new Look(a, b))).pValue();

    assertEquals(new LiftReport("B", "A", expected.relative(), expected.ci95(), alwaysValidP,
        new TwoProportionZTest().pValue(a, b)), lift);
    assertTrue(lift.relative() < 0, "popular clicks less than the model here");
    assertTrue(lift.pValue() >= lift.fixedHorizonPValue(), "the always-valid p-value is the more cautious one");
  }

  @Test
  void srmUsesUnitsAgainstShares() {
    List<Map<String, ArmCounts>> skewed = List.of(
        Map.of("A", new ArmCounts(1_800, 5_000, 4_000, 200), "B", new ArmCounts(1_200, 5_000, 4_000, 200)));

    assertTrue(reporter.report(experiment, looks).srm().ok());
    assertFalse(reporter.report(experiment, skewed).srm().ok());
  }

  @Test
  void aJustStartedExperimentHasNoFiguresYet() {
    ExperimentReport r = reporter.report(experiment, List.of());

    assertNull(r.arms().get(0).ctr());
    assertNull(r.lifts().get(0).relative());
    assertEquals(1.0, r.lifts().get(0).pValue());
    assertTrue(r.srm().ok());
    assertEquals(0, r.looks());
    assertTrue(r.history().isEmpty());
  }

  @Test
  void writesTheShapeOfTheAdminApi() {
    String json = new ExperimentJson().write(reporter.report(experiment, looks));

    assertTrue(json.startsWith("{\"name\":\"hybrid-vs-popular\",\"unit\":\"reader\",\"status\":\"running\","
        + "\"startedAt\":\"2026-12-01T08:00:00Z\",\"arms\":[{\"name\":\"A\",\"version\":\"v20261127-204501\","
        + "\"share\":50,\"units\":2000,\"served\":6000,\"viewable\":4800,\"clicks\":280,\"ctr\":0.058333"), json);
    assertTrue(json.contains("\"ctrCi95\":[0.05"), json);
    assertTrue(json.contains("\"lifts\":[{\"arm\":\"B\",\"control\":\"A\",\"relative\":-0.2"), json);
    assertTrue(json.contains("\"srm\":{\"chiSquare\":"), json);
  }

  @Test
  void historyHasEachHoursCumulativeCtrAndTheRunningAlwaysValidPValue() {
    ExperimentReport r = reporter.report(experiment, looks);
    Proportion a1 = new Proportion(120, 2_000);
    Proportion b1 = new Proportion(95, 2_010);
    Proportion a2 = new Proportion(230, 4_000);
    Proportion b2 = new Proportion(180, 4_020);

    // one look per hour from the one it started in
    assertEquals(List.of(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T09:00:00Z"),
        Instant.parse("2026-12-01T10:00:00Z")), r.history().stream().map(LookReport::at).toList());
    Ctr secondDayA = Ctr.of(230, 4_000);
    assertEquals(new ArmLook("A", 4_000, 230, secondDayA.ctr(), secondDayA.ctrCi95()),
        r.history().get(1).arms().get(0));
    LiftLook day2 = r.history().get(1).lifts().get(0);
    assertEquals("B", day2.arm());
    assertEquals(Lift.of(a2, b2).orElseThrow().relative(), day2.relative());
    assertEquals(alwaysValid.over(List.of(new Look(a1, b1), new Look(a2, b2))).pValue(), day2.pValue());
    // the last look is the report's own figures
    assertEquals(r.lifts().get(0).pValue(), r.history().get(2).lifts().get(0).pValue());
    assertEquals(r.arms().get(1).ctrCi95(), r.history().get(2).arms().get(1).ctrCi95());
    for (int k = 1; k < r.history().size(); k++) {
      assertTrue(r.history().get(k).lifts().get(0).pValue() <= r.history().get(k - 1).lifts().get(0).pValue(),
          "an always-valid p-value never rises");
    }
  }

  @Test
  void historyIsWrittenAfterTheExistingFields() {
    String json = new ExperimentJson().write(reporter.report(experiment, looks));

    assertTrue(json.contains("\"looks\":3,\"history\":[{\"at\":\"2026-12-01T08:00:00Z\",\"arms\":[{\"name\":\"A\","
        + "\"viewable\":2000,\"clicks\":120,\"ctr\":0.06,\"ctrCi95\":[0.05"), json);
    assertTrue(json.contains("\"lifts\":[{\"arm\":\"B\",\"relative\":"), json);
  }

  @Test
  void writesUnknownFiguresAsNull() {
    String json = new ExperimentJson().write(reporter.report(experiment, List.of()));

    assertTrue(json.contains("{\"name\":\"B\",\"policy\":\"popular\",\"share\":50,\"units\":0,\"served\":0,"
        + "\"viewable\":0,\"clicks\":0,\"ctr\":null,\"ctrCi95\":[0.0,1.0]}"), json);
    assertTrue(json.contains("\"relative\":null,\"ci95\":null,\"pValue\":1.0"), json);
  }
}
