package com.eplly.recommender.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for every metric. */
class RankingMetricsTest {

  private static final double EPS = 1e-9;
  // Ranked 7, 3, 5, 1, 9; relevant 3, 1, 8 (8 is relevant but unknown, so never ranked).
  private static final int[] RANKED = {7, 3, 5, 1, 9};
  private static final Set<Integer> RELEVANT = Set.of(3, 1);
  private static final int TOTAL = 3;

  @Test
  void hitAndReciprocalRank() {
    assertEquals(0, RankingMetrics.hit(RANKED, RELEVANT, 1), EPS);
    assertEquals(1, RankingMetrics.hit(RANKED, RELEVANT, 2), EPS);
    assertEquals(0, RankingMetrics.reciprocalRank(RANKED, RELEVANT, 1), EPS);
    assertEquals(0.5, RankingMetrics.reciprocalRank(RANKED, RELEVANT, 5), EPS);
  }

  @Test
  void precisionDividesByKAndRecallByAllRelevant() {
    assertEquals(2 / 5.0, RankingMetrics.precision(RANKED, RELEVANT, 5), EPS);
    assertEquals(2 / 10.0, RankingMetrics.precision(RANKED, RELEVANT, 10), EPS); // short list still divides by k
    assertEquals(2 / 3.0, RankingMetrics.recall(RANKED, RELEVANT, TOTAL, 5), EPS);
    assertEquals(1 / 3.0, RankingMetrics.recall(RANKED, RELEVANT, TOTAL, 3), EPS);
  }

  @Test
  void ndcgIdealHoldsMinOfRelevantAndK() {
    // hits at ranks 2 and 4: DCG = 1/ln 3 + 1/ln 5; ideal with 3 relevant = 1/ln 2 + 1/ln 3 + 1/ln 4
    double dcg = 1 / Math.log(3) + 1 / Math.log(5);
    assertEquals(dcg / (1 / Math.log(2) + 1 / Math.log(3) + 1 / Math.log(4)),
        RankingMetrics.ndcg(RANKED, RELEVANT, TOTAL, 5), EPS);
    // k = 2: one hit at rank 2, ideal holds 2 hits
    assertEquals((1 / Math.log(3)) / (1 / Math.log(2) + 1 / Math.log(3)), RankingMetrics.ndcg(RANKED, RELEVANT, TOTAL, 2), EPS);
    assertEquals(1.0, RankingMetrics.ndcg(new int[] {3, 1}, RELEVANT, 2, 2), EPS);
  }

  @Test
  void averagePrecisionDividesByMinOfRelevantAndK() {
    // precision at hits: 1/2 and 2/4; divided by min(3, 5) = 3
    assertEquals((0.5 + 0.5) / 3, RankingMetrics.averagePrecision(RANKED, RELEVANT, TOTAL, 5), EPS);
    // k = 2: only the hit at rank 2 (1/2), divided by min(3, 2) = 2
    assertEquals(0.25, RankingMetrics.averagePrecision(RANKED, RELEVANT, TOTAL, 2), EPS);
  }

  @Test
  void coverageAndNovelty() {
    List<int[]> lists = List.of(new int[] {0, 1}, new int[] {1, 2});
    assertEquals(3 / 10.0, RankingMetrics.coverage(lists, 2, 10), EPS);
    assertEquals(2 / 10.0, RankingMetrics.coverage(lists, 1, 10), EPS);
    double[] share = {0.5, 0.25, 0.125};
    // -log2: 1, 2, 2, 3 -> mean 2
    assertEquals(2.0, RankingMetrics.novelty(lists, 2, share, 8), EPS);
  }

  @Test
  void rankingBreaksTiesByIndexAndSkipsExcluded() {
    double[] scores = {0.1, 0.9, 0.5, 0.9, 0.0};
    Query q = new Query(null, new int[0], new double[0], new int[] {1}, Set.of(), 0, null);
    assertEquals(List.of(3, 2, 0), box(Ranking.top(scores, q, 3)));
    Query sampled = new Query(null, new int[0], new double[0], new int[0], Set.of(), 0, new int[] {4, 0, 2});
    assertEquals(List.of(2, 0, 4), box(Ranking.top(scores, sampled, 5)));
  }

  private static List<Integer> box(int[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }

  @Test
  void popularityBiasIsTheMeanNormalisedClickCountOfEachListsDistinctItems() {
    double[] pop = RankingMetrics.normalisedClicks(new int[] {4, 2, 1, 0});
    assertEquals(List.of(1.0, 0.5, 0.25, 0.0), java.util.Arrays.stream(pop).boxed().toList());
    // [0 1]: (1 + 0.5) / 2 = 0.75; [2 3 0] at k = 2: (0.25 + 0) / 2 = 0.125; [0 0]: one distinct item, 1;
    // the empty list is not counted. Mean (0.75 + 0.125 + 1) / 3.
    List<int[]> lists = List.of(new int[] {0, 1}, new int[] {2, 3, 0}, new int[] {0, 0}, new int[0]);
    assertEquals((0.75 + 0.125 + 1) / 3, RankingMetrics.popularityBias(lists, 2, pop), EPS);
  }
}
