package com.eplly.recommender.ease;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The closed form checked on a 2-item Gram matrix by hand. */
class EaseTest {

  @Test
  void twoItemClosedForm() {
    // G = [[2,1],[1,3]] + λ=1 -> [[3,1],[1,4]], P = 1/11 [[4,-1],[-1,3]]
    // B[0][1] = -P01/P11 = (1/11)/(3/11) = 1/3 ; B[1][0] = -P10/P00 = 1/4
    float[] b = Ease.solve(new double[] {2, 1, 1, 3}, 2, 1.0);
    assertEquals(0f, b[0]);
    assertEquals(1 / 3.0, b[1], 1e-6);
    assertEquals(1 / 4.0, b[2], 1e-6);
    assertEquals(0f, b[3]);
  }
}
