package com.eplly.contracts.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArmAssignerTest {

  private static final int IDS = 100_000;
  private final ArmAssigner assigner = new ArmAssigner();

  @ParameterizedTest(name = "shares {0}")
  @ValueSource(strings = {"50/50", "90/10", "34/33/33"})
  void meetsTheSharesOver100kRandomIds(String split) {
    String[] parts = split.split("/");
    List<Arm> arms = new ArrayList<>();
    double[] expected = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int share = Integer.parseInt(parts[i]);
      arms.add(Arm.ofVersion("arm" + i, "v" + i, share));
      expected[i] = IDS * share / 100.0;
    }
    Experiment e = Experiment.proposed("split-" + parts.length + "-" + parts[0], AssignmentUnit.READER, arms);
    long[] observed = new long[parts.length];
    for (String id : randomIds(IDS, 18)) {
      observed[arms.indexOf(assigner.assign(e, id))]++;
    }

    double p = new ChiSquareTest().chiSquareTest(expected, observed);
    assertTrue(p > 0.001, "chi-square goodness of fit rejects " + split + ": observed "
        + java.util.Arrays.toString(observed) + ", p = " + p);
  }

  @Test
  void theSameUnitAlwaysGetsTheSameArm() {
    Experiment e = Experiment.proposed("sticky", AssignmentUnit.SESSION,
        List.of(Arm.ofVersion("A", "v1", 50), Arm.ofPolicy("B", Policy.POPULAR, 50)));
    ArmAssigner other = new ArmAssigner();
    for (String id : randomIds(1_000, 7)) {
      Arm first = assigner.assign(e, id);
      assertEquals(first, assigner.assign(e, id));
      assertEquals(first, other.assign(e, id));
    }
  }

  /**
   * The hash is a cross-language contract: expected buckets from Python,
   * {@code int.from_bytes(hashlib.sha256(b"hybrid-vs-popular:reader-1").digest()[:8], "big") % 100}.
   */
  @Test
  void bucketsAreThoseOfSha256EverywhereElse() {
    assertEquals(46, assigner.bucket("hybrid-vs-popular", "reader-1"));
    assertEquals(83, assigner.bucket("hybrid-vs-popular", "r-42"));
    assertEquals(58, assigner.bucket("x", "y"));
  }

  @Test
  void armsOwnConsecutiveBucketsInListedOrder() {
    // bucket("x", "y") = 58: past A's 0..49 and inside B's 50..89.
    Experiment e = Experiment.proposed("x", AssignmentUnit.READER,
        List.of(Arm.ofVersion("A", "v1", 50), Arm.ofVersion("B", "v2", 40), Arm.ofPolicy("C", Policy.RANDOM, 10)));

    assertEquals("B", assigner.assign(e, "y").name());
  }

  /** A reader's arm in one experiment says nothing about its arm in another: a 2x2 independence test. */
  @Test
  void armsOfTwoExperimentsAreIndependent() {
    List<Arm> arms = List.of(Arm.ofVersion("A", "v1", 50), Arm.ofVersion("B", "v2", 50));
    Experiment first = Experiment.proposed("first", AssignmentUnit.READER, arms);
    Experiment second = Experiment.proposed("second", AssignmentUnit.READER, arms);
    long[][] table = new long[2][2];
    for (String id : randomIds(IDS, 99)) {
      table[arms.indexOf(assigner.assign(first, id))][arms.indexOf(assigner.assign(second, id))]++;
    }

    double p = new ChiSquareTest().chiSquareTest(table);
    assertTrue(p > 0.001, "arms are associated across experiments: " + java.util.Arrays.deepToString(table) + ", p = " + p);
  }

  private static List<String> randomIds(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
    }
    return ids;
  }
}
