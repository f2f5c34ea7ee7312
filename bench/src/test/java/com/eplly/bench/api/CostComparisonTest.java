package com.eplly.bench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostComparisonTest {

  private static CostRow row(String config, int round, int conns, double rps, double p99) {
    return CostRow.parse(config + " " + round + " " + conns + " " + rps + " 1.0 " + p99 + " 9.0 0 0 200 40 0 3.5");
  }

  @Test
  void theMedianOfTheRoundsPairsPerConnectionCount() {
    List<CostComparison> all = CostComparison.of(List.of(
        row("without", 1, 8, 5000, 4.0), row("with", 1, 8, 4800, 4.2),
        row("without", 1, 4, 4000, 2.0), row("with", 1, 4, 3900, 2.1),
        row("without", 2, 8, 2000, 40.0), row("with", 2, 8, 4000, 6.0), // a load spike in one row
        row("without", 2, 4, 3800, 2.0), row("with", 2, 4, 3700, 2.1),
        row("without", 3, 8, 5000, 4.0), row("with", 3, 8, 4000, 4.4),
        row("without", 3, 4, 3800, 2.0), row("with", 3, 4, 3700, 2.1)), CostComparison.Budget.EXPERIMENT);

    assertEquals(List.of(4, 8), all.stream().map(CostComparison::connections).toList());
    CostComparison eight = all.get(1);
    assertEquals(0.2, eight.p99Difference(), 1e-9);
    assertEquals(0.96, eight.throughputRatio(), 1e-9);
    assertTrue(eight.latencyMet());
    assertTrue(eight.throughputMet());
    assertEquals(2.5, CostComparison.median(List.of(4.0, 1.0, 3.0, 2.0)), 1e-9);
  }

  @Test
  void missesAreNamed() {
    CostComparison c = CostComparison.of(List.of(row("without", 1, 16, 5000, 4.0), row("with", 1, 16, 4400, 4.6)),
        CostComparison.Budget.EXPERIMENT).get(0);

    assertFalse(c.latencyMet());
    assertFalse(c.throughputMet());
    assertTrue(c.describe().contains("p99 +0.60 ms (target <= +0.5: NOT met"), c.describe());
    assertTrue(c.describe().contains("req/s x0.880 (target >= 0.90: NOT met"), c.describe());
  }

  @Test
  void theRulesBudgetIsOnLatencyAlone() {
    CostComparison c = CostComparison.of(List.of(row("without", 1, 8, 5000, 4.0), row("with", 1, 8, 4000, 4.25)),
        CostComparison.Budget.RULES).get(0);

    assertTrue(c.latencyMet());
    assertTrue(c.describe().contains("p99 +0.25 ms (target <= +0.3: met"), c.describe());
    assertTrue(c.describe().contains("req/s x0.800 (rounds 0.800)"), c.describe());
  }

  @Test
  void aRoundWithOneSideOnlyIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> CostComparison.of(List.of(row("with", 1, 4, 100, 1.0)), CostComparison.Budget.RULES));
    assertThrows(IllegalArgumentException.class, () -> CostComparison.of(
        List.of(row("without", 1, 4, 100, 1.0), row("with", 2, 4, 100, 1.0)), CostComparison.Budget.RULES));
    assertThrows(IllegalArgumentException.class, () -> CostRow.parse("maybe 1 4 100 1 1 1 0 0 1 1 1 1"));
  }
}
