package com.eplly.api.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.Fixture;
import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Live co-visits reach the answer on the model's scale (contracts' CoVisitRule): a pair counted 50
 * times in the live state scores no more than the weakest model neighbour it follows, not 50.
 */
class LiveCoVisitScoreTest extends LiveStackTest {

  private static final String SESSION = "s-live-covisit";

  @BeforeEach
  void seed() {
    seedFixture();
    redis.del(Keyspace.coVisits("cur"));
    redis.zadd(Keyspace.coVisits("cur"), Map.of("n3", 50.0, "n1", 9.0)); // n1 is in the model's list too

    long hourAgo = System.currentTimeMillis() - 3_600_000;
    for (String id : List.of("q1", "q2", "q3")) {
      Fixture.article(redis, id, "cat-" + id, hourAgo, null, false);
    }
    redis.set(Keyspace.articleList(VERSION, "q1"), SuggestionListCodec.encode(List.of(
        new Suggestion("q2", 0.8, Reason.SIMILAR_CONTENT))));
    redis.del(Keyspace.coVisits("q1"));
    redis.zadd(Keyspace.coVisits("q1"), Map.of("q3", 50.0));
    redis.del(Keyspace.sessionRecent(SESSION));
    redis.lpush(Keyspace.sessionRecent(SESSION), "q1");
  }

  @Test
  void aLiveCountOf50ScoresAsTheCurrentArticlesWeakestModelNeighbourNotAs50() throws Exception {
    Map<String, Double> scores = scores(json.readTree(get("/v1/recommendations?articleId=cur&readerId=r-1&limit=6").body()));

    // the model's n1 (0.9) and n2 (0.7) lead (r-1 read read1); live n3 follows, its count 50 scored as the weakest model score (0.5)
    assertThat(List.copyOf(scores.keySet())).startsWith("n1/read-together", "n2/similar-content", "n3/read-together");
    assertThat(scores.get("n1/read-together")).isEqualTo(0.9);
    assertThat(scores.get("n3/read-together")).isEqualTo(0.5);
  }

  @Test
  void aLiveCountOf50ScoresAsTheRecentReadsWeakestModelNeighbourNotAs50() throws Exception {
    Map<String, Double> scores = scores(json.readTree(get("/v1/recommendations?sessionId=" + SESSION + "&limit=2").body()));

    assertThat(scores.keySet()).containsExactly("q2/similar-content", "q3/read-together");
    assertThat(scores.get("q3/read-together")).isEqualTo(0.8);
  }

  private static Map<String, Double> scores(JsonNode body) {
    Map<String, Double> out = new LinkedHashMap<>();
    body.get("items").forEach(i -> out.put(i.get("articleId").asString() + "/" + i.get("reason").asString(),
        i.get("score").asDouble()));
    return out;
  }
}
