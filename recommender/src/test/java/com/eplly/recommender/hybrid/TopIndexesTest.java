package com.eplly.recommender.hybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopIndexesTest {

  @Test
  void keepsValuesAboveTheFloorBestFirstTiesByIndex() {
    assertArrayEquals(new int[] {2, 0, 3}, TopIndexes.above(new double[] {0.2, -1, 0.5, 0.2, 0}, 3, 0));
    assertArrayEquals(new int[] {2, 0}, TopIndexes.above(new double[] {0.2, -1, 0.5, 0.2, 0}, 2, 0));
  }

  @Test
  void nanIsNeverKeptWhateverTheFloor() {
    double[] values = {Double.NaN, -3, Double.NaN, -1};
    assertArrayEquals(new int[] {3, 1}, TopIndexes.above(values, 5, Double.NEGATIVE_INFINITY));
    assertArrayEquals(new int[0], TopIndexes.above(values, 0, Double.NEGATIVE_INFINITY));
  }

  @Test
  void risingScoresKeepTheLastIndexes() {
    double[] values = new double[1000];
    for (int j = 0; j < values.length; j++) {
      values[j] = j / 10; // integer division: runs of ten ties
    }
    assertArrayEquals(new int[] {990, 991, 992, 993, 994, 995, 996, 997, 998, 999, 980, 981},
        TopIndexes.above(values, 12, Double.NEGATIVE_INFINITY));
  }

  @Test
  void aMisleadingSampleStillGivesTheExactTop() {
    // Every sampled position holds a 1 and every other a 0: the sampled cut (1) would leave no
    // pool at all, so the full heap must run.
    double[] values = new double[2000];
    for (int j = 0; j < values.length; j += values.length / 128) {
      values[j] = 1;
    }
    values[7] = 0.5;
    int[] top = TopIndexes.above(values, 20, -1);
    assertArrayEquals(new int[] {0, 15, 30}, java.util.Arrays.copyOf(top, 3));
    assertEquals(20, top.length);
  }

  @Test
  void equalsAFullSortOnRandomScoresWithTies() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      double[] values = random.doubles(1 + random.nextInt(3000), -2, 2).map(v -> Math.round(v * 4) / 4.0).toArray();
      int k = 1 + random.nextInt(40);
      int[] expected = IntStream.range(0, values.length).boxed()
          .filter(j -> values[j] > -1)
          .sorted(Comparator.<Integer>comparingDouble(j -> -values[j]).thenComparing(j -> j))
          .limit(k).mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expected, TopIndexes.above(values, k, -1));
    }
  }
}
