package com.eplly.recommender.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.recommender.datasets.Interaction;
import com.eplly.recommender.evaluate.ItemIndex;
import com.eplly.recommender.evaluate.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** V-SKNN and SR on sessions small enough to score by hand (items a..e are indexes 0..4). */
class SessionBaselinesTest {

  private static final double EPS = 1e-12;

  /** Each session: its id, then its items one second apart starting at {@code start} s. */
  private static List<Interaction> sessions(String[][] sessions, long[] starts) {
    List<Interaction> out = new ArrayList<>();
    for (int s = 0; s < sessions.length; s++) {
      for (int i = 0; i < sessions[s].length; i++) {
        out.add(new Interaction("s" + s, "s" + s, sessions[s][i], (starts[s] + i) * 1000));
      }
    }
    return out;
  }

  private static Query prefix(int... items) {
    double[] w = new double[items.length];
    return new Query(null, items, w, new int[0], Set.of(), 0, null, items[items.length - 1]);
  }

  private static double[] score(com.eplly.recommender.evaluate.QueryScorer scorer, Query q) {
    double[] out = new double[5];
    scorer.score(q, out);
    return out;
  }

  // S0 = a b (ends at 11 s), S1 = b c (ends 21 s), S2 = a d e (ends 32 s).
  private static final List<Interaction> KNN = sessions(new String[][] {{"a", "b"}, {"b", "c"}, {"a", "d", "e"}},
      new long[] {10, 20, 30});

  @Test
  void vsknnWeighsPrefixPositionsAndDecaysByTheLastSharedClick() {
    TrainingSessions t = TrainingSessions.of(KNN, ItemIndex.of(KNN));
    // Prefix a b: weights a = 1/2, b = 2/2 over 2 distinct items.
    // sim(S0) = (1/2 + 1) / 2 = 0.75, sim(S1) = 1 / 2 = 0.5, sim(S2) = (1/2) / 2 = 0.25.
    // S0 and S1 hold b, the last click (decay 1); S2 only a, one click further back (decay 1/2).
    // a = 0.75 + 0.25/2 = 0.875, b = 0.75 + 0.5 = 1.25, c = 0.5, d = e = 0.125.
    assertArrayEquals(new double[] {0.875, 1.25, 0.5, 0.125, 0.125}, score(new VSkNN(t, 100, 500), prefix(0, 1)), EPS);
    // k = 2 keeps S0 and S1.
    assertArrayEquals(new double[] {0.75, 1.25, 0.5, 0, 0}, score(new VSkNN(t, 2, 500), prefix(0, 1)), EPS);
    // sample = 2 keeps the two sessions that ended last, S1 and S2.
    assertArrayEquals(new double[] {0.125, 0.5, 0.5, 0.125, 0.125}, score(new VSkNN(t, 100, 2), prefix(0, 1)), EPS);
  }

  @Test
  void vsknnLetsALaterRepeatOverwriteThePositionWeight() {
    TrainingSessions t = TrainingSessions.of(KNN, ItemIndex.of(KNN));
    // Prefix a b a: a = 3/3 (its later click), b = 2/3, over 2 distinct items.
    // sim(S0) = (1 + 2/3) / 2 = 5/6, decay 1 (a is the last click); sim(S1) = (2/3) / 2 = 1/3, b is 2 back: 1/2;
    // sim(S2) = 1/2, decay 1. a = 5/6 + 1/2, b = 5/6 + 1/6, c = 1/6, d = e = 1/2.
    assertArrayEquals(new double[] {5 / 6.0 + 0.5, 1, 1 / 6.0, 0.5, 0.5},
        score(VSkNN.withDefaults(t), prefix(0, 1, 0)), EPS);
  }

  // S0 = a b c, S1 = a c, S2 = b a.
  private static final List<Interaction> RULES = sessions(new String[][] {{"a", "b", "c"}, {"a", "c"}, {"b", "a"}},
      new long[] {10, 20, 30});

  @Test
  void srWeighsPairsByOneOverDistanceAndScoresTheLastClick() {
    TrainingSessions t = TrainingSessions.of(RULES, ItemIndex.of(RULES));
    SequentialRules sr = SequentialRules.withDefaults(t);
    // a -> b: 1 (S0); a -> c: 1/2 (S0, two apart) + 1 (S1) = 1.5; b -> c: 1 (S0); b -> a: 1 (S2).
    assertEquals(Map.of(2, 1.5, 1, 1.0), sr.rulesOf(0));
    assertEquals(Map.of(2, 1.0, 0, 1.0), sr.rulesOf(1));
    // Prefix b a: only a's rules count.
    assertArrayEquals(new double[] {0, 1, 1.5, 0, 0}, score(sr, prefix(1, 0)), EPS);
  }

  @Test
  void srPruningKeepsTheStrongestAndTheFirstSeenOfEquals() {
    TrainingSessions t = TrainingSessions.of(RULES, ItemIndex.of(RULES));
    SequentialRules sr = SequentialRules.fit(t, 10, 1);
    assertEquals(Map.of(2, 1.5), sr.rulesOf(0));
    assertEquals(Map.of(2, 1.0), sr.rulesOf(1)); // b -> c (S0) was seen before b -> a (S2)
    // steps = 1: a -> c from S0 is two apart and no longer counts.
    assertEquals(Map.of(1, 1.0, 2, 1.0), SequentialRules.fit(t, 1, 20).rulesOf(0));
  }
}
