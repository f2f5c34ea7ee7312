package com.eplly.recommender.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.eplly.recommender.hybrid.BlendRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blend's and each source's lists against a plain re-computation over every item. */
class PooledBlendTest {

  private static final int ITEMS = 600;
  private static final int N = 20;

  /** Scores a query-dependent random subset of items (sometimes below 0, sometimes only a few). */
  private static QueryScorer sparse(String name, long seed) {
    return QueryScorer.of(name, (q, out) -> {
      SplittableRandom r = new SplittableRandom(seed * 31 + q.context()[0]);
      int scored = r.nextInt(4) == 0 ? r.nextInt(15) : r.nextInt(ITEMS);
      for (int i = 0; i < scored; i++) {
        // Coarse values so that ties, broken by item index, happen.
        out[r.nextInt(ITEMS)] += r.nextInt(-3, 40) / 4.0;
      }
    });
  }

  private static List<Query> queries(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Query> out = new ArrayList<>();
    for (int q = 0; q < count; q++) {
      int[] exclude = r.ints(r.nextInt(0, 60), 0, ITEMS).distinct().toArray();
      out.add(new Query("r" + q, new int[] {q}, new double[] {1}, exclude, Set.of(r.nextInt(ITEMS)), 1, null));
    }
    return out;
  }

  /** The rule spelled out: every source's top DEPTH normalised over all items, weighted, summed, ranked. */
  private static int[] reference(List<QueryScorer> sources, Query q, double[] weights) {
    double[] blended = new double[ITEMS];
    for (int s = 0; s < sources.size(); s++) {
      double[] scores = new double[ITEMS];
      sources.get(s).score(q, scores);
      int[] top = Ranking.top(scores, q, BlendRule.DEPTH);
      double min = Math.min(0, Arrays.stream(scores).min().orElse(0));
      double max = top.length == 0 ? 0 : scores[top[0]];
      for (int item : top) {
        // Stored as floats, as the blend keeps them, so that near-ties break the same way.
        blended[item] += weights[s] * (float) BlendRule.normalised(scores[item], min, max);
      }
    }
    return Ranking.top(blended, q, N);
  }

  @Test
  void listsEqualTheRuleComputedOverEveryItem() {
    List<QueryScorer> sources = List.of(sparse("a", 1), sparse("b", 2), sparse("c", 3));
    List<Query> queries = queries(300, 7);
    PooledBlend blend = PooledBlend.prepare(sources.stream().map(s -> SourceRanking.of(s, queries, ITEMS)).toList(), queries, ITEMS);
    for (double[] weights : new double[][] {{1, 1, 1}, {0, 2, 0.5}, {4, 0, 0}, {0.1, 0.25, 4}}) {
      List<int[]> lists = blend.lists(weights, N);
      for (int q = 0; q < queries.size(); q++) {
        assertArrayEquals(reference(sources, queries.get(q), weights), lists.get(q),
            "query " + q + " weights " + Arrays.toString(weights));
      }
    }
  }

  @Test
  void aSourcesOwnListsAreTheHeadsOfItsRanking() {
    QueryScorer source = sparse("a", 5);
    List<Query> queries = queries(200, 11);
    SourceRanking ranked = SourceRanking.of(source, queries, ITEMS);
    for (int n : new int[] {1, 10, 20, BlendRule.DEPTH}) {
      List<int[]> lists = ranked.lists(n);
      for (int q = 0; q < queries.size(); q++) {
        double[] scores = new double[ITEMS];
        source.score(queries.get(q), scores);
        assertArrayEquals(Ranking.top(scores, queries.get(q), n), lists.get(q), "query " + q + " n " + n);
      }
    }
  }
}
