package com.eplly.api.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.BadRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecommendationQueryTest {

  private static final EpllyProperties.Recommend RULES = new EpllyProperties.Recommend(
      6, 50, 3, 0.5, 50, 100, 3, false, 12, 0.8, Duration.ofSeconds(1), Duration.ofSeconds(30), 1000,
      Duration.ofSeconds(30), 200, Duration.ofMillis(500), Duration.ofSeconds(60), 50_000);

  private static RecommendationQuery parse(String a, String r, String s, String limit, String exclude) {
    return RecommendationQuery.parse(a, r, s, limit, exclude, RULES);
  }

  @Test
  void acceptsAnyOneIdAndDefaultsTheLimit() {
    assertThat(parse("a-1", null, null, null, null).limit()).isEqualTo(6);
    assertThat(parse(null, "r-1", null, null, null).readerId()).isEqualTo("r-1");
    assertThat(parse(null, null, "s:1", "50", null).limit()).isEqualTo(50);
  }

  @Test
  void needsAtLeastOneId() {
    assertThatThrownBy(() -> parse(null, null, null, "5", null))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("at least one of articleId, readerId, sessionId");
  }

  @Test
  void rejectsMalformedIds() {
    assertThatThrownBy(() -> parse("a b", null, null, null, null)).hasMessageStartingWith("articleId must be");
    assertThatThrownBy(() -> parse(null, "", null, null, null)).hasMessageStartingWith("readerId must be");
    assertThatThrownBy(() -> parse("a", null, "x".repeat(129), null, null))
        .hasMessageStartingWith("sessionId must be");
  }

  @Test
  void rejectsLimitsOutOfRangeOrNotNumbers() {
    for (String bad : new String[] {"0", "51", "-3", "six", "", "1.5"}) {
      assertThatThrownBy(() -> parse("a", null, null, bad, null))
          .as("limit %s", bad)
          .isInstanceOf(BadRequestException.class)
          .hasMessage("limit must be an integer between 1 and 50");
    }
  }

  @Test
  void parsesTheExcludeList() {
    assertThat(parse("a", null, null, null, "b, c,,b").exclude()).containsExactlyInAnyOrder("b", "c");
    assertThatThrownBy(() -> parse("a", null, null, null, "b,c d")).hasMessageStartingWith("exclude must be");
    assertThatThrownBy(() -> parse("a", null, null, null, "b,c,d,e")).hasMessage("exclude may list at most 3 ids");
  }
}
