package com.eplly.api.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.Fixture;
import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A reader known only by a session: suggestions come from the session's recent reads. */
class AnonymousReaderTest extends LiveStackTest {

  private static final String SESSION = "s-anon-1";

  @BeforeEach
  void seed() {
    seedFixture();
    long hourAgo = System.currentTimeMillis() - 3_600_000;
    for (String id : List.of("a1", "a2", "b1", "b2", "c1")) {
      Fixture.article(redis, id, "cat-" + id, hourAgo, null, false);
    }
    // the session read "cur" first, then "b1": b1 is the newest
    redis.del(Keyspace.sessionRecent(SESSION));
    redis.lpush(Keyspace.sessionRecent(SESSION), "cur", "b1");
    redis.set(Keyspace.articleList(VERSION, "b1"), SuggestionListCodec.encode(List.of(
        new Suggestion("b2", 0.9, Reason.SIMILAR_CONTENT),
        new Suggestion("cur", 0.8, Reason.READ_TOGETHER)))); // already read in the session
    redis.del(Keyspace.coVisits("b1"));
    redis.zadd(Keyspace.coVisits("b1"), Map.of("c1", 3.0));
  }

  @Test
  void suggestsNeighboursOfTheSessionsRecentReadsNewestFirst() throws Exception {
    JsonNode body = json.readTree(get("/v1/recommendations?sessionId=" + SESSION + "&limit=6").body());

    List<String> got = new ArrayList<>();
    body.get("items").forEach(i -> got.add(i.get("articleId").asString() + "/" + i.get("reason").asString()));
    // rank by rank across seeds, b1 (newest) first: b1's model list then its co-visits, likewise
    // cur's; cur and b1 themselves are read, hid/exp/ghost are not servable
    assertThat(got).startsWith(
        "b2/similar-content", "read1/read-together", "n1/read-together", "c1/read-together",
        "n2/similar-content", "n3/read-together");
    assertThat(got).doesNotContain("cur/read-together", "b1/read-together")
        .noneMatch(s -> s.startsWith("cur/") || s.startsWith("b1/") || s.startsWith("hid/") || s.startsWith("exp/"));
    assertThat(body.get("degraded").asBoolean()).isFalse();
  }

  @Test
  void honoursExcludeForAnonymousReaders() throws Exception {
    JsonNode body = json.readTree(get("/v1/recommendations?sessionId=" + SESSION + "&limit=6&exclude=b2,n1").body());

    List<String> ids = new ArrayList<>();
    body.get("items").forEach(i -> ids.add(i.get("articleId").asString()));
    assertThat(ids).doesNotContain("b2", "n1", "cur", "b1").contains("c1");
  }

  @Test
  void anUnknownSessionStillGetsFallbacks() throws Exception {
    JsonNode body = json.readTree(get("/v1/recommendations?sessionId=s-never-seen&limit=3").body());

    assertThat(body.get("items").size()).isEqualTo(3);
    assertThat(body.get("items").get(0).get("reason").asString()).isIn("trending", "popular", "latest");
  }
}
