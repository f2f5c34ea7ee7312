package com.eplly.contracts.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The statistics on synthetic Bernoulli experiments with a fixed seed: 1,000 runs of 30 daily looks,
 * 2,000 viewable impressions per arm per day, CTR 5 %. The figures measured at the seeds below are
 * in each assertion's comment.
 */
class SimulationTest {

  private static final int RUNS = 1_000;
  private static final double ALPHA = 0.05;
  private final AlwaysValidTest alwaysValid = new AlwaysValidTest(AlwaysValidTest.DEFAULT_TAU);
  private final TwoProportionZTest zTest = new TwoProportionZTest();

  @Test
  void aaRunsPeekedDailyRarelyRejectUnlikeTheNaiveZTest() {
    PeriodTraffic aa = new PeriodTraffic(30, 2_000, 0.05, 0.05);
    SplittableRandom random = new SplittableRandom(20261207);
    int alwaysValidRejections = 0;
    int naiveRejections = 0;
    int finalLookRejections = 0;
    for (int run = 0; run < RUNS; run++) {
      List<Look> looks = aa.run(random);
      if (alwaysValid.over(looks).rejects(ALPHA)) {
        alwaysValidRejections++;
      }
      if (looks.stream().anyMatch(l -> zTest.pValue(l.control(), l.treatment()) <= ALPHA)) {
        naiveRejections++;
      }
      Look last = looks.get(looks.size() - 1);
      if (zTest.pValue(last.control(), last.treatment()) <= ALPHA) {
        finalLookRejections++;
      }
    }
    double alwaysValidRate = alwaysValidRejections / (double) RUNS;
    double naiveRate = naiveRejections / (double) RUNS;
    double finalLookRate = finalLookRejections / (double) RUNS;

    // Measured at this seed: always-valid 1.9 %, z-test at every look 24.9 %, z-test once on day 30 4.1 %.
    assertTrue(alwaysValidRate <= ALPHA, "always-valid A/A false positives " + alwaysValidRate);
    assertTrue(naiveRate > 3 * ALPHA, "the z-test peeked at daily should reject far more than 5 %, got " + naiveRate);
    assertEquals(ALPHA, finalLookRate, 0.02, "the z-test looked at once keeps its 5 %");
  }

  @Test
  void aaRunsPeekedEveryHourStillRejectAtMostAlpha() {
    // the api's looks: every hour for 30 days, the same traffic as above spread over the hours
    PeriodTraffic aa = new PeriodTraffic(30 * 24, 2_000 / 24, 0.05, 0.05);
    SplittableRandom random = new SplittableRandom(20261208);
    int rejections = 0;
    for (int run = 0; run < RUNS; run++) {
      if (alwaysValid.over(aa.run(random)).rejects(ALPHA)) {
        rejections++;
      }
    }
    double rate = rejections / (double) RUNS;

    // Measured at this seed: 3.9 % (1.9 % with the 30 daily looks above): more looks, more chances, still under α.
    assertTrue(rate <= ALPHA, "always-valid A/A false positives with hourly looks " + rate);
  }

  @Test
  void abRunsWithARealLiftAreDetectedAndTheLiftIntervalCoversTheTruth() {
    double trueLift = 0.06 / 0.05 - 1;
    PeriodTraffic ab = new PeriodTraffic(30, 2_000, 0.05, 0.06);
    SplittableRandom random = new SplittableRandom(18);
    int rejections = 0;
    int covered = 0;
    for (int run = 0; run < RUNS; run++) {
      List<Look> looks = ab.run(random);
      if (alwaysValid.over(looks).rejects(ALPHA)) {
        rejections++;
      }
      // The interval is a fixed-horizon one: judged at the planned end (day 30), not where the test stopped.
      Look last = looks.get(looks.size() - 1);
      if (Lift.of(last.control(), last.treatment()).orElseThrow().ci95().contains(trueLift)) {
        covered++;
      }
    }
    double power = rejections / (double) RUNS;
    double coverage = covered / (double) RUNS;

    // Measured at this seed: power 100 %, coverage 94.4 %.
    assertTrue(power >= 0.9, "always-valid power at 5 % vs 6 % " + power);
    assertEquals(0.95, coverage, 0.02, "coverage of the 95 % lift interval");
  }

  @Test
  void aSixtyFortySplitIsFlaggedAndAFairSplitAlmostNever() {
    SampleRatioMismatch srm = new SampleRatioMismatch();
    SplittableRandom random = new SplittableRandom(60);
    int skewedFlagged = 0;
    int fairFlagged = 0;
    int fairRuns = 10_000;
    for (int run = 0; run < fairRuns; run++) {
      if (run < RUNS && !srm.check(units(random, 3_000, 0.6), new int[] {50, 50}).ok()) {
        skewedFlagged++;
      }
      if (!srm.check(units(random, 4_000, 0.5), new int[] {50, 50}).ok()) {
        fairFlagged++;
      }
    }

    // Measured at this seed: every 60/40 run flagged; 8 of 10,000 fair runs (10 expected at p < 0.001).
    assertEquals(RUNS, skewedFlagged, "60/40 splits of 3,000 units flagged");
    assertTrue(fairFlagged <= 25, "fair 50/50 splits flagged " + fairFlagged + " of " + fairRuns + ", expected ~10");
  }

  @Test
  void incrementalAndBatchPValuesAgreeAndNeverRise() {
    List<Look> looks = new PeriodTraffic(30, 2_000, 0.05, 0.055).run(new SplittableRandom(3));
    SequentialPValue incremental = SequentialPValue.NONE;
    for (Look look : looks) {
      SequentialPValue next = alwaysValid.next(incremental, look);
      assertTrue(next.pValue() <= incremental.pValue(), "an always-valid p-value only falls");
      incremental = next;
    }

    assertEquals(alwaysValid.over(looks), incremental);
    assertEquals(30, incremental.looks());
  }

  /** Units of a two-arm experiment: how many of {@code n} land in the first arm with probability {@code first}. */
  private static long[] units(SplittableRandom random, int n, double first) {
    long a = 0;
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < first) {
        a++;
      }
    }
    return new long[] {a, n - a};
  }
}
