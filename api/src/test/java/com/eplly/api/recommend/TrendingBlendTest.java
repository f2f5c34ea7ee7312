package com.eplly.api.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingBlendTest {

  @Test
  void newerBucketsWeighMore() {
    List<Suggestion> out = TrendingBlend.blend(
        List.of(Map.of("fresh", 10.0), Map.of("old", 12.0, "fresh", 1.0)), 0.5, 10);

    // fresh = 10 + 0.5 * 1 = 10.5; old = 0.5 * 12 = 6
    assertThat(out).containsExactly(
        new Suggestion("fresh", 10.5, Reason.TRENDING), new Suggestion("old", 6.0, Reason.TRENDING));
  }

  @Test
  void keepsTheTopItems() {
    assertThat(TrendingBlend.blend(List.of(Map.of("a", 3.0, "b", 2.0, "c", 1.0)), 1.0, 2))
        .extracting(Suggestion::articleId).containsExactly("a", "b");
  }
}
