package com.eplly.recommender.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.recommender.hybrid.BlendRule;
import com.eplly.recommender.hybrid.BoundedTopK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's blend ({@link PooledBlend}, on pooled driver arrays, tuned hundreds of times
 * per weight search) and the one {@code reco train} publishes ({@link BlendRule}) are two
 * implementations of one rule: on the same scores and weights they give the same lists.
 * Scores are multiples of 1/4 up to 8, so that the evaluator's float copies of the normalised
 * scores are exact and both sum the very same numbers.
 */
class BlendParityTest {

  private static final int ITEMS = 300;
  private static final int N = 20;

  /** Scores a query-dependent subset of items (more than the blend's depth, never all). */
  private static QueryScorer sparse(String name, long seed) {
    return QueryScorer.of(name, (q, out) -> {
      SplittableRandom r = new SplittableRandom(seed * 31 + q.context()[0]);
      int[] order = r.ints(0, ITEMS).distinct().limit(r.nextInt(5, ITEMS - 1)).toArray();
      for (int item : order) {
        out[item] = r.nextInt(1, 33) / 4.0;
      }
      out[order[0]] = 8;
    });
  }

  private static String label(int item) {
    return String.format("i%03d", item);
  }

  /** The train side: each weighed source's scores offered to a bounded top, blended by the rule. */
  private static List<BlendRule.Item> ruleList(List<QueryScorer> sources, Query q, double[] weights) {
    List<BlendRule.Part> parts = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      if (weights[s] == 0) {
        continue;
      }
      double[] scores = new double[ITEMS];
      sources.get(s).score(q, scores);
      BoundedTopK top = new BoundedTopK(BlendRule.DEPTH);
      for (int item = 0; item < ITEMS; item++) {
        if (scores[item] != 0) {
          top.offer(label(item), scores[item]);
        }
      }
      parts.add(new BlendRule.Part(weights[s], "reason-" + s, top));
    }
    return BlendRule.blend(parts, N);
  }

  @Test
  void theEvaluatorsBlendAndTrainsRuleGiveTheSameLists() {
    List<QueryScorer> sources = List.of(sparse("a", 1), sparse("b", 2), sparse("c", 3));
    List<Query> queries = new ArrayList<>();
    for (int q = 0; q < 200; q++) {
      queries.add(new Query("r" + q, new int[] {q}, new double[] {1}, new int[0], Set.of(0), 1, null));
    }
    PooledBlend pooled = PooledBlend.prepare(
        sources.stream().map(s -> SourceRanking.of(s, queries, ITEMS)).toList(), queries, ITEMS);
    int compared = 0;
    for (double[] weights : new double[][] {{1, 1, 1}, {0, 2, 0.5}, {4, 0, 0}, {0.25, 0.5, 4}}) {
      List<int[]> lists = pooled.lists(weights, N);
      for (int q = 0; q < queries.size(); q++) {
        String[] rule = ruleList(sources, queries.get(q), weights).stream().map(BlendRule.Item::articleId)
            .toArray(String[]::new);
        // The evaluator ranks every item, so a short blend is topped up with unscored ones.
        String[] evaluated = Arrays.stream(lists.get(q)).limit(rule.length).mapToObj(BlendParityTest::label)
            .toArray(String[]::new);
        assertArrayEquals(rule, evaluated, "query " + q + " weights " + Arrays.toString(weights));
        compared += rule.length;
      }
    }
    assertTrue(compared > 4 * 200 * N / 2, "most lists are full: " + compared);
  }
}
