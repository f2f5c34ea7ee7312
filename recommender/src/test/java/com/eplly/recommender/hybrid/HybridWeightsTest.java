package com.eplly.recommender.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HybridWeightsTest {

  @Test
  void parsesKnownSources() {
    HybridWeights w = HybridWeights.parse("co-visitation=1, item-item=0.5");
    assertEquals(1.0, w.of(HybridWeights.CO_VISITATION));
    assertEquals(0.5, w.of(HybridWeights.EASE));
    assertEquals(0.0, w.of(HybridWeights.ALS));
  }

  @Test
  void anUnknownSourceIsAnErrorNamingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HybridWeights.parse("ease=1"));
    assertTrue(e.getMessage().contains("unknown hybrid source 'ease'"), e.getMessage());
    assertTrue(e.getMessage().contains("item-item"), e.getMessage());
  }
}
