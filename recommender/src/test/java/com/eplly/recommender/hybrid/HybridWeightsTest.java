package com.eplly.recommender.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HybridWeightsTest {

  @Test
  void parsesKnownSources() {
    HybridWeights w = HybridWeights.parse("co-visitation=1, ease=0.5");
    assertEquals(1.0, w.of(Source.CO_VISITATION));
    assertEquals(0.5, w.of(Source.EASE));
    assertEquals(0.0, w.of(Source.ALS));
  }

  @Test
  void anUnknownSourceIsAnErrorNamingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HybridWeights.parse("item-item=1"));
    assertTrue(e.getMessage().contains("unknown hybrid source 'item-item'"), e.getMessage());
    assertTrue(e.getMessage().contains("co-visitation, followed-by, als, ease, content, popularity"), e.getMessage());
  }
}
