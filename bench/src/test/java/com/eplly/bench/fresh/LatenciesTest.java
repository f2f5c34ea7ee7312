package com.eplly.bench.fresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void nearestRankPercentilesOverUnsortedSamples() {
    double[] ms = new double[100];
    for (int i = 0; i < 100; i++) {
      ms[i] = 100 - i; // 100 .. 1, unsorted on purpose
    }
    Latencies l = new Latencies("x", ms, 0);
    assertEquals(50.0, l.percentile(50));
    assertEquals(99.0, l.percentile(99));
    assertEquals(100.0, l.percentile(100));
    assertEquals(100.0, l.max());
  }

  @Test
  void smallSamplesUseTheirLargestValueForHighPercentiles() {
    Latencies l = new Latencies("x", new double[] {30, 10, 20}, 1);
    assertEquals(20.0, l.percentile(50));
    assertEquals(30.0, l.percentile(99));
    assertTrue(l.line().contains("misses 1"));
  }

  @Test
  void noSamplesIsNotANumber() {
    assertTrue(Double.isNaN(new Latencies("x", new double[0], 0).percentile(99)));
  }
}
