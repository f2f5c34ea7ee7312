package com.eplly.recommender.ease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The closed form checked on a 2-item Gram matrix by hand, and its defining identity on larger ones. */
class EaseTest {

  @Test
  void twoItemClosedForm() {
    // G = [[2,1],[1,3]] + λ=1 -> [[3,1],[1,4]], P = 1/11 [[4,-1],[-1,3]]
    // B[0][1] = -P01/P11 = (1/11)/(3/11) = 1/3 ; B[1][0] = -P10/P00 = 1/4
    float[] b = SpdInverse.easeWeights(new double[] {2, 1, 1, 3}, 2, 1.0);
    assertEquals(0f, b[0]);
    assertEquals(1 / 3.0, b[1], 1e-6);
    assertEquals(1 / 4.0, b[2], 1e-6);
    assertEquals(0f, b[3]);
  }

  /**
   * B = I − P·diag(1/diag P) with P = (G + λI)⁻¹, so (G + λI)(I − B) is diagonal with 1/P[j][j] > 0.
   * Sizes around the four-row blocks, so that every remainder path of the inverse runs.
   */
  @Test
  void gramTimesIdentityMinusWeightsIsDiagonal() {
    Random random = new Random(7);
    for (int n : new int[] {1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 17, 30}) {
      double[] g = randomGram(random, n, 3 * n);
      double lambda = 2.5;
      float[] b = SpdInverse.easeWeights(g.clone(), n, lambda);
      for (int i = 0; i < n; i++) {
        assertEquals(0f, b[i * n + i], "diagonal of B, n " + n);
        for (int j = 0; j < n; j++) {
          double sum = 0;
          for (int k = 0; k < n; k++) {
            double gik = g[i * n + k] + (i == k ? lambda : 0);
            sum += gik * ((k == j ? 1 : 0) - b[k * n + j]);
          }
          if (i == j) {
            assertTrue(sum > 0, "1/P[j][j] > 0, n " + n);
          } else {
            assertEquals(0, sum, 1e-4 * n, "off-diagonal (" + i + "," + j + "), n " + n);
          }
        }
      }
    }
  }

  @Test
  void refusesAMatrixThatIsNotPositiveDefinite() {
    assertThrows(IllegalStateException.class, () -> SpdInverse.easeWeights(new double[] {1, 2, 2, 1}, 2, 0.5));
  }

  /** XᵀX of a random binary reader × item matrix. */
  private static double[] randomGram(Random random, int n, int readers) {
    double[] g = new double[n * n];
    for (int r = 0; r < readers; r++) {
      boolean[] read = new boolean[n];
      for (int i = 0; i < n; i++) {
        read[i] = random.nextDouble() < 0.4;
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          g[i * n + j] += read[i] && read[j] ? 1 : 0;
        }
      }
    }
    return g;
  }
}
