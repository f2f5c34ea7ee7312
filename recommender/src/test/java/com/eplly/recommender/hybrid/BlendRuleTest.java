package com.eplly.recommender.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The blend of per-source tops on hand-computed lists. */
class BlendRuleTest {

  private static BoundedTopK top(int depth, Object... idScore) {
    BoundedTopK t = new BoundedTopK(depth);
    for (int i = 0; i < idScore.length; i += 2) {
      t.offer((String) idScore[i], ((Number) idScore[i + 1]).doubleValue());
    }
    return t;
  }

  @Test
  void normalisesWeightsSumsAndTakesTheStrongestSourcesReason() {
    // covisit: max 4, min 0 -> a 1.0, b 0.5 ; als (weight 2): max 10, min least(0, 5) = 0 -> b 1.0*2, c 0.5*2
    List<BlendRule.Item> items = BlendRule.blend(List.of(
        new BlendRule.Part(1.0, "read-together", top(10, "a", 4, "b", 2)),
        new BlendRule.Part(2.0, "similar-readers", top(10, "b", 10, "c", 5))), 10);
    assertEquals(List.of(
        new BlendRule.Item("b", 2.5, "similar-readers"),
        new BlendRule.Item("a", 1.0, "read-together"),
        new BlendRule.Item("c", 1.0, "similar-readers")), items);
  }

  @Test
  void negativeMinimumAndSingleScoreAndTopK() {
    // min -2, max 2: x 1.0, y 0.5, z 0 ; a source whose one score is 0 (= its min) contributes 0 to w,
    // which still ties with z and wins by id
    List<BlendRule.Item> items = BlendRule.blend(List.of(
        new BlendRule.Part(1.0, "read-together", top(10, "x", 2, "y", 0, "z", -2)),
        new BlendRule.Part(1.0, "similar-content", top(10, "w", 0))), 3);
    assertEquals(List.of("x", "y", "w"), items.stream().map(BlendRule.Item::articleId).toList());
    assertEquals(0.5, items.get(1).score(), 1e-12);
    assertEquals(0.0, items.get(2).score(), 1e-12);
  }

  @Test
  void theMinMaxCoverEverythingOfferedNotOnlyWhatTheDepthKeeps() {
    // depth 1 keeps only "a", but the min (-6) comes from the dropped "b": (3+6)/(3+6) = 1; the
    // other source's (8-0)/(8-0) = 1 ties it, and a tie goes to the greater reason name
    List<BlendRule.Item> items = BlendRule.blend(List.of(
        new BlendRule.Part(1.0, "read-together", top(1, "a", 3, "b", -6)),
        new BlendRule.Part(1.0, "similar-content", top(1, "a", 8))), 5);
    assertEquals(List.of(new BlendRule.Item("a", 2.0, "similar-content")), items);
  }

  @Test
  void nothingScoredGivesNoList() {
    assertTrue(BlendRule.blend(List.of(new BlendRule.Part(1.0, "read-together", new BoundedTopK(5))), 5).isEmpty());
  }
}
