package com.eplly.api.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.Fixture;
import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Live content neighbours written by ingest ({@code similar:{id}}) are served with reason
 * {@code similar-content} from the same round trip as the model lists, under the same rules:
 * hidden, expired and already-read articles never appear.
 */
class LiveSimilarServingTest extends LiveStackTest {

  @BeforeEach
  void seed() {
    seedFixture();
    long now = System.currentTimeMillis();
    long hourAgo = now - 3_600_000;
    Fixture.article(redis, "story", "politics", hourAgo, null, false);
    Fixture.article(redis, "m1", "sport", hourAgo, null, false);
    Fixture.article(redis, "m2", "culture", hourAgo, null, false);
    Fixture.article(redis, "fresh1", "politics", now - 5_000, null, false);
    Fixture.article(redis, "fresh2", "business", now - 4_000, null, false);
    Fixture.article(redis, "fresh-read", "health", now - 3_000, null, false);
    Fixture.article(redis, "fresh-hidden", "science", now - 2_000, null, true);
    Fixture.article(redis, "fresh-expired", "tech", now - 7_200_000, now - 1_000, false);
    redis.set(Keyspace.articleList(VERSION, "story"), SuggestionListCodec.encode(List.of(
        new Suggestion("m1", 0.9, Reason.READ_TOGETHER), new Suggestion("m2", 0.8, Reason.READ_TOGETHER))));
    redis.lpush(Keyspace.readerRecent("r-2"), "fresh-read");
    // as ingest writes them: new articles under an existing one, and a new article's own neighbours
    redis.zadd(Keyspace.liveSimilar("story"), Map.of("fresh-hidden", 0.9, "fresh-read", 0.85, "fresh1", 0.7,
        "fresh-expired", 0.6, "fresh2", 0.3));
    redis.zadd(Keyspace.liveSimilar("fresh1"), Map.of("story", 0.7, "m1", 0.2));
  }

  @Test
  void newArticlesShowUnderARelatedArticleAsSimilarContentWithoutLeaks() throws Exception {
    List<String> got = items(get("/v1/recommendations?articleId=story&readerId=r-2&limit=10"));

    assertThat(got).startsWith("fresh1/similar-content", "m1/read-together", "m2/read-together",
        "fresh2/similar-content");
    assertThat(got).noneMatch(i -> i.startsWith("fresh-hidden/") || i.startsWith("fresh-expired/")
        || i.startsWith("fresh-read/") || i.startsWith("story/"));
  }

  @Test
  void aNewArticleWithoutModelListGetsItsLiveNeighbours() throws Exception {
    List<String> got = items(get("/v1/recommendations?articleId=fresh1&limit=6"));

    assertThat(got).startsWith("story/similar-content", "m1/similar-content");
  }

  private List<String> items(HttpResponse<String> res) throws Exception {
    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(res.body());
    assertThat(body.get("degraded").asBoolean()).isFalse();
    List<String> out = new ArrayList<>();
    body.get("items").forEach(i -> out.add(i.get("articleId").asString() + "/" + i.get("reason").asString()));
    return out;
  }
}
