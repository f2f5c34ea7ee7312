package com.eplly.contracts.experiment;

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
import com.eplly.contracts.experiment.stats.SampleRatioMismatch;
import com.eplly.contracts.experiment.stats.SequentialPValue;
import com.eplly.contracts.experiment.stats.TwoProportionZTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an experiment's cumulative counts at each look into its report. The api (live counters)
 * and the recommender (lake) both call it, with looks taken at the same instants ({@link LookSchedule}):
 * the end of every complete UTC hour since {@code startedAt}, then the current counts (or those at
 * {@code stoppedAt}).
 */
public final class ExperimentReporter {

  private final AlwaysValidTest alwaysValid;
  private final TwoProportionZTest zTest = new TwoProportionZTest();
  private final SampleRatioMismatch srm = new SampleRatioMismatch();

  public ExperimentReporter(AlwaysValidTest alwaysValid) {
    this.alwaysValid = alwaysValid;
  }

  /**
   * @param experiment a valid, started experiment
   * @param looks      cumulative counts by arm name at each look, oldest first: the end of each UTC
   *                   hour from the one it started in, the last one being the figures shown. An arm
   *                   missing from a look has counted nothing yet.
   */
  public ExperimentReport report(Experiment experiment, List<Map<String, ArmCounts>> looks) {
    List<Arm> arms = experiment.arms();
    Map<String, ArmCounts> now = looks.isEmpty() ? Map.of() : looks.get(looks.size() - 1);
    List<ArmReport> armReports = new ArrayList<>(arms.size());
    long[] units = new long[arms.size()];
    int[] shares = new int[arms.size()];
    for (int i = 0; i < arms.size(); i++) {
      Arm arm = arms.get(i);
      ArmCounts c = counts(now, arm);
      Ctr ctr = Ctr.of(c.clicks(), c.viewable());
      armReports.add(new ArmReport(arm.name(), arm.version(), arm.policy(), arm.share(), c.units(), c.served(),
          c.viewable(), c.clicks(), ctr.ctr(), ctr.ctrCi95()));
      units[i] = c.units();
      shares[i] = arm.share();
    }
    List<LookReport> history = history(experiment, looks);
    List<LiftReport> lifts = new ArrayList<>(arms.size() - 1);
    for (int i = 1; i < arms.size(); i++) {
      double pValue = history.isEmpty() ? SequentialPValue.NONE.pValue()
          : history.get(history.size() - 1).lifts().get(i - 1).pValue();
      lifts.add(lift(arms.get(0), arms.get(i), now, pValue));
    }
    return new ExperimentReport(experiment.name(), experiment.unit(), experiment.status(), experiment.startedAt(),
        experiment.stoppedAt(), armReports, lifts, srm.check(units, shares), looks.size(), history);
  }

  /** The figures at every look, with each treatment's always-valid p-value carried from look to look. */
  private List<LookReport> history(Experiment experiment, List<Map<String, ArmCounts>> looks) {
    List<Arm> arms = experiment.arms();
    Arm control = arms.get(0);
    Instant first = experiment.startedAt() == null ? null : LookSchedule.periodOf(experiment.startedAt());
    SequentialPValue[] running = new SequentialPValue[arms.size()];
    Arrays.fill(running, SequentialPValue.NONE);
    List<LookReport> history = new ArrayList<>(looks.size());
    for (int k = 0; k < looks.size(); k++) {
      Map<String, ArmCounts> look = looks.get(k);
      List<ArmLook> armLooks = new ArrayList<>(arms.size());
      for (Arm arm : arms) {
        ArmCounts c = counts(look, arm);
        Ctr ctr = Ctr.of(c.clicks(), c.viewable());
        armLooks.add(new ArmLook(arm.name(), c.viewable(), c.clicks(), ctr.ctr(), ctr.ctrCi95()));
      }
      List<LiftLook> liftLooks = new ArrayList<>(arms.size() - 1);
      for (int i = 1; i < arms.size(); i++) {
        Look pair = new Look(ctr(counts(look, control)), ctr(counts(look, arms.get(i))));
        running[i] = alwaysValid.next(running[i], pair);
        Optional<Lift> lift = Lift.of(pair.control(), pair.treatment());
        liftLooks.add(new LiftLook(arms.get(i).name(), lift.map(Lift::relative).orElse(null),
            lift.map(Lift::ci95).orElse(null), running[i].pValue()));
      }
      history.add(new LookReport(first == null ? null : first.plus(LookSchedule.PERIOD.multipliedBy(k)), armLooks,
          liftLooks));
    }
    return history;
  }

  private LiftReport lift(Arm control, Arm treatment, Map<String, ArmCounts> now, double alwaysValidPValue) {
    Proportion a = ctr(counts(now, control));
    Proportion b = ctr(counts(now, treatment));
    Optional<Lift> lift = Lift.of(a, b);
    return new LiftReport(treatment.name(), control.name(), lift.map(Lift::relative).orElse(null),
        lift.map(Lift::ci95).orElse(null), alwaysValidPValue, zTest.pValue(a, b));
  }

  private static ArmCounts counts(Map<String, ArmCounts> look, Arm arm) {
    return look.getOrDefault(arm.name(), ArmCounts.ZERO);
  }

  private static Proportion ctr(ArmCounts c) {
    return new Proportion(c.clicks(), c.viewable());
  }
}
