package com.eplly.recommender.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The normalisation train and evaluate share, on hand-computed cases. */
class BlendRuleNormalisationTest {

  @Test
  void minMaxNormalisesIntoUnitRange() {
    assertEquals(1.0, BlendRule.normalised(4, 0, 4), 1e-12);
    assertEquals(0.5, BlendRule.normalised(2, 0, 4), 1e-12);
    assertEquals(0.75, BlendRule.normalised(0.5, -1, 1), 1e-12);
    assertEquals(0.0, BlendRule.normalised(-1, -1, 1), 1e-12);
  }

  @Test
  void aSingleDistinctScoreCarriesNoSignal() {
    assertEquals(0.0, BlendRule.normalised(3, 3, 3), 1e-12);
  }
}
