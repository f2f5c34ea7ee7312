package com.eplly.contracts.experiment;

import com.eplly.contracts.experiment.ExperimentReport.ArmReport;
import com.eplly.contracts.experiment.ExperimentReport.LiftReport;
import com.eplly.contracts.experiment.stats.AlwaysValidTest;
import com.eplly.contracts.experiment.stats.Ctr;
import com.eplly.contracts.experiment.stats.Lift;
import com.eplly.contracts.experiment.stats.Look;
import com.eplly.contracts.experiment.stats.Proportion;
import com.eplly.contracts.experiment.stats.SampleRatioMismatch;
import com.eplly.contracts.experiment.stats.TwoProportionZTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an experiment's cumulative counts at each look into its report. The api (live counters)
 * and the recommender (lake) both call it, with looks taken at the same instants: the end of every
 * complete UTC day since {@code startedAt}, then the current counts (or those at {@code stoppedAt}).
 */
public final class ExperimentReporter {

  private final AlwaysValidTest alwaysValid;
  private final TwoProportionZTest zTest = new TwoProportionZTest();
  private final SampleRatioMismatch srm = new SampleRatioMismatch();

  public ExperimentReporter(AlwaysValidTest alwaysValid) {
    this.alwaysValid = alwaysValid;
  }

  /**
   * @param experiment a valid experiment
   * @param looks      cumulative counts by arm name at each look, oldest first; the last one is the
   *                   figures shown. An arm missing from a look has counted nothing yet.
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
    List<LiftReport> lifts = new ArrayList<>(arms.size() - 1);
    for (int i = 1; i < arms.size(); i++) {
      lifts.add(lift(arms.get(0), arms.get(i), looks));
    }
    return new ExperimentReport(experiment.name(), experiment.unit(), experiment.status(), experiment.startedAt(),
        experiment.stoppedAt(), armReports, lifts, srm.check(units, shares), looks.size());
  }

  private LiftReport lift(Arm control, Arm treatment, List<Map<String, ArmCounts>> looks) {
    List<Look> pairs = new ArrayList<>(looks.size());
    for (Map<String, ArmCounts> look : looks) {
      pairs.add(new Look(ctr(counts(look, control)), ctr(counts(look, treatment))));
    }
    Look last = pairs.isEmpty() ? new Look(new Proportion(0, 0), new Proportion(0, 0)) : pairs.get(pairs.size() - 1);
    Optional<Lift> lift = Lift.of(last.control(), last.treatment());
    return new LiftReport(treatment.name(), control.name(), lift.map(Lift::relative).orElse(null),
        lift.map(Lift::ci95).orElse(null), alwaysValid.over(pairs).pValue(),
        zTest.pValue(last.control(), last.treatment()));
  }

  private static ArmCounts counts(Map<String, ArmCounts> look, Arm arm) {
    return look.getOrDefault(arm.name(), ArmCounts.ZERO);
  }

  private static Proportion ctr(ArmCounts c) {
    return new Proportion(c.clicks(), c.viewable());
  }
}
