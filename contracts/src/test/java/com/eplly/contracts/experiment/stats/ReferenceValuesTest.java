package com.eplly.contracts.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each statistic against values computed elsewhere, so an error in a formula cannot hide. */
class ReferenceValuesTest {

  /**
   * Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
   * methods", Statistics in Medicine 17 (1998), worked examples, method 3 (score, no continuity
   * correction), to its 4 decimals (SciPy agrees); the last rows from SciPy 1.17,
   * {@code binomtest(x, n).proportion_ci(0.95, method="wilson")}, same as R's
   * {@code prop.test(x, n, correct = FALSE)$conf.int}.
   */
  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
      "81, 263, 0.2553, 0.3662",
      "15, 148, 0.0624, 0.1605",
      "0, 20, 0.0000, 0.1611",
      "1, 29, 0.0061, 0.1718",
      "29, 29, 0.883030, 1.000000",
      "5, 100, 0.021544, 0.111750",
      "500, 10000, 0.045898, 0.054447",
  })
  void wilsonMatchesPublishedIntervals(long x, long n, double lo, double hi) {
    Interval ci = Ctr.of(x, n).ctrCi95();

    assertEquals(lo, ci.lo(), 0.5e-4, "lower bound");
    assertEquals(hi, ci.hi(), 0.5e-4, "upper bound");
  }

  @Test
  void ctrWithoutImpressionsIsUnknownNotZero() {
    Ctr ctr = Ctr.of(0, 0);

    assertNull(ctr.ctr());
    assertEquals(new Interval(0, 1), ctr.ctrCi95());
  }

  @Test
  void moreClicksThanImpressionsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Ctr.of(5, 4));
  }

  /** SciPy: z = (x2/n2 - x1/n1) / sqrt(p(1-p)(1/n1+1/n2)) with p pooled, p-value 2·norm.sf(|z|). */
  @ParameterizedTest(name = "{0}/{1} vs {2}/{3}")
  @CsvSource({
      "500, 10000, 600, 10000, 3.101614, 0.0019246873",
      "50, 1000, 62, 1000, 1.167041, 0.2431936781",
  })
  void zTestMatchesScipy(long x1, long n1, long x2, long n2, double z, double p) {
    TwoProportionZTest test = new TwoProportionZTest();
    Proportion a = new Proportion(x1, n1);
    Proportion b = new Proportion(x2, n2);

    assertEquals(z, test.z(a, b), 1e-6);
    assertEquals(p, test.pValue(a, b), 1e-9);
    assertEquals(-z, test.z(b, a), 1e-6, "antisymmetric");
  }

  @Test
  void zTestWithoutDataHasNoEvidence() {
    TwoProportionZTest test = new TwoProportionZTest();

    assertEquals(1.0, test.pValue(new Proportion(0, 0), new Proportion(3, 10)));
    assertEquals(1.0, test.pValue(new Proportion(0, 10), new Proportion(0, 10)));
  }

  /** Delta method on the log ratio, in Python: exp(log(pb/pa) ± 1.959964·sqrt((1-pa)/xa + (1-pb)/xb)) - 1. */
  @Test
  void liftMatchesTheDeltaMethodByHand() {
    Lift lift = Lift.of(new Proportion(500, 10_000), new Proportion(600, 10_000)).orElseThrow();

    assertEquals(0.20, lift.relative(), 1e-12);
    assertEquals(0.069212, lift.ci95().lo(), 1e-6);
    assertEquals(0.346786, lift.ci95().hi(), 1e-6);
  }

  @Test
  void liftIsUndefinedWhileAnArmHasNoClick() {
    assertTrue(Lift.of(new Proportion(0, 1000), new Proportion(4, 1000)).isEmpty());
    assertTrue(Lift.of(new Proportion(4, 1000), new Proportion(0, 0)).isEmpty());
  }

  /** SciPy: chisquare([1800, 1200], [1500, 1500]) = (120.0, 6.33e-28); chisquare([5100, 4900]) p = 0.0455. */
  @Test
  void srmMatchesScipyAndFlagsA60To40Split() {
    SampleRatioMismatch srm = new SampleRatioMismatch();
    SrmCheck skewed = srm.check(new long[] {1800, 1200}, new int[] {50, 50});
    SrmCheck mild = srm.check(new long[] {5100, 4900}, new int[] {50, 50});
    SrmCheck threeArms = srm.check(new long[] {3410, 3300, 3290}, new int[] {34, 33, 33});

    assertEquals(120.0, skewed.chiSquare(), 1e-9);
    assertEquals(6.326068e-28, skewed.pValue(), 1e-33);
    assertFalse(skewed.ok());
    assertEquals(0.0455002639, mild.pValue(), 1e-9);
    assertTrue(mild.ok(), "p = 0.046 is no mismatch at the 0.001 threshold");
    assertEquals(0.9705839314, threeArms.pValue(), 1e-9);
  }

  @Test
  void srmWithoutUnitsIsFine() {
    assertTrue(new SampleRatioMismatch().check(new long[] {0, 0}, new int[] {50, 50}).ok());
  }

  /** Λ = sqrt(V/(V+τ²))·exp(τ²θ²/(2V(V+τ²))) by hand in Python, τ = 0.01: Λ = 23.993719. */
  @Test
  void mixtureLikelihoodRatioMatchesTheFormula() {
    AlwaysValidTest test = new AlwaysValidTest(0.01);
    Look look = new Look(new Proportion(500, 10_000), new Proportion(600, 10_000));

    assertEquals(Math.log(23.993719), test.logLikelihoodRatio(look), 1e-6);
    assertEquals(1 / 23.993719, test.next(SequentialPValue.NONE, look).pValue(), 1e-7);
  }
}
