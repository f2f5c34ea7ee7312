package com.eplly.bench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleReportTest {

  @Test
  void scalingComparesEachSizeWithThePreviousOne() {
    List<SizeResult> results = List.of(
        result(1_000_000, 1_000_000, 100, 50),
        result(3_000_000, 3_000_000, 330, 150),
        result(10_000_000, 9_000_000, 900, 600));

    assertEquals("scaling 3M/1M: cost x3.30 (cpu x3.00) for x3.00 events; 10M/3M: cost x2.73 (cpu x4.00) for x3.00 events",
        ScaleReport.scalingLine(results));
  }

  private static SizeResult result(int size, long events, double trainSeconds, double cpuSeconds) {
    return new SizeResult(size, events, events / 10, events / 50, new MeasuredRun.Cost(1, 1, 1),
        new MeasuredRun.Cost(trainSeconds, cpuSeconds, 1L << 30), trainSeconds - 10);
  }
}
