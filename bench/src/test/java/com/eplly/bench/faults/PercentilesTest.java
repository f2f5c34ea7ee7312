package com.eplly.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRank() {
    List<Double> ms = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      ms.add((double) i);
    }
    Percentiles p = Percentiles.of(ms);
    assertEquals(50, p.p50());
    assertEquals(99, p.p99());
    assertEquals(100, p.max());
    assertEquals("none", Percentiles.of(List.of()).describe());
  }
}
