package com.eplly.contracts.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoVisitRuleTest {

  private static final List<Suggestion> MODEL = List.of(
      new Suggestion("m1", 0.9, Reason.READ_TOGETHER), new Suggestion("m2", 0.4, Reason.SIMILAR_CONTENT));

  @Test
  void aLargeLiveCountDoesNotOutscoreTheModelsNeighbours() {
    List<Suggestion> live = CoVisitRule.scored(counts("hot", 50.0, "warm", 10.0), MODEL);

    // raw, 50 would outscore 0.9: normalised by the list's largest count, weighted by the weakest model score
    assertEquals(List.of(new Suggestion("hot", 0.4, Reason.READ_TOGETHER), new Suggestion("warm", 0.4 * (10.0 / 50),
        Reason.READ_TOGETHER)), live);
    assertTrue(live.stream().allMatch(s -> s.score() <= 0.4));
  }

  @Test
  void withoutAModelListTheScoresAreTheNormalisedCounts() {
    assertEquals(List.of(new Suggestion("a", 1.0, Reason.READ_TOGETHER), new Suggestion("b", 0.25, Reason.READ_TOGETHER)),
        CoVisitRule.scored(counts("a", 4.0, "b", 1.0), List.of()));
  }

  @Test
  void keepsTheOrderAndTheRelativeStrengthOfTheCounts() {
    List<Suggestion> live = CoVisitRule.scored(counts("a", 3.0, "b", 1.5, "c", 1.5), MODEL);

    assertEquals(List.of("a", "b", "c"), live.stream().map(Suggestion::articleId).toList());
    assertEquals(live.get(0).score() / 2, live.get(1).score(), 1e-15);
    assertEquals(live.get(1).score(), live.get(2).score());
    assertTrue(CoVisitRule.scored(Map.of(), MODEL).isEmpty());
  }

  private static Map<String, Double> counts(Object... idCount) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < idCount.length; i += 2) {
      out.put((String) idCount[i], (Double) idCount[i + 1]);
    }
    return out;
  }
}
