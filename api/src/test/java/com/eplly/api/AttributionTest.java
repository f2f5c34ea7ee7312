package com.eplly.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.event.ViewableImpression;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Attribution against the real in-JVM broker: each answer's served event reaches the impressions
 * topic with the answer's requestId and positions; the widget's viewable impression and attributed
 * click are validated and produced like page views.
 */
class AttributionTest extends LiveStackTest {

  private static final Duration WITHIN = Duration.ofSeconds(30);

  @BeforeEach
  void seed() {
    seedFixture();
  }

  @Test
  void anAnswerIsPublishedAsServedWithItsRequestIdAndPositions() throws Exception {
    JsonNode answer = json.readTree(get("/v1/recommendations?articleId=cur&readerId=r-1&sessionId=s-1&limit=4").body());
    String requestId = answer.get("requestId").asString();
    assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
    assertThat(answer.get("experiment").isNull()).isTrue();
    assertThat(answer.get("arm").isNull()).isTrue();
    List<ServedItem> expected = new ArrayList<>();
    for (JsonNode item : answer.get("items")) {
      expected.add(new ServedItem(item.get("articleId").asString(), expected.size() + 1, item.get("reason").asString()));
    }

    ServedEvent served = (ServedEvent) awaitImpression(
        e -> e instanceof ServedEvent s && s.requestId().equals(requestId), WITHIN);

    assertThat(served.items()).hasSize(4).isEqualTo(expected);
    assertThat(served.readerId()).isEqualTo("r-1");
    assertThat(served.sessionId()).isEqualTo("s-1");
    assertThat(served.articleId()).isEqualTo("cur");
    assertThat(served.version()).isEqualTo(VERSION);
    assertThat(served.experiment()).isNull();
    assertThat(management("/actuator/prometheus").body()).containsPattern("eplly_served_events_sent_total(\\{[^}]*\\})? [1-9]");
  }

  @Test
  void aViewableImpressionIsAcceptedOntoTheTopicAndABadOneIsRefusedWithItsReason() throws Exception {
    String requestId = UUID.randomUUID().toString();
    HttpResponse<String> ok = post("/v1/impressions", "{\"requestId\":\"" + requestId + "\",\"timestamp\":"
        + System.currentTimeMillis() + ",\"readerId\":\"r-1\",\"sessionId\":\"s-1\",\"articleIds\":[\"n1\",\"n2\"]}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
    assertThat(json.readTree(ok.body()).get("requestId").asString()).isEqualTo(requestId);

    ViewableImpression seen = (ViewableImpression) awaitImpression(
        e -> e instanceof ViewableImpression v && v.requestId().equals(requestId), WITHIN);
    assertThat(seen.articleIds()).containsExactly("n1", "n2");

    HttpResponse<String> bad = post("/v1/impressions", "{\"requestId\":\"not-a-uuid\",\"timestamp\":"
        + System.currentTimeMillis() + ",\"readerId\":\"r-1\",\"sessionId\":\"s-1\",\"articleIds\":[]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("error").asString())
        .contains("requestId must be a UUID").contains("articleIds must list 1-100 articles");
  }

  @Test
  void aClickCarriesTheAnswersRequestIdAndThePosition() throws Exception {
    String eventId = UUID.randomUUID().toString();
    String requestId = UUID.randomUUID().toString();
    HttpResponse<String> res = post("/v1/events", "{\"eventId\":\"" + eventId + "\",\"readerId\":\"r-1\","
        + "\"articleId\":\"n2\",\"sessionId\":\"s-1\",\"timestamp\":" + System.currentTimeMillis()
        + ",\"referrerArticleId\":\"cur\",\"requestId\":\"" + requestId + "\",\"position\":2}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(202);

    awaitPageView(v -> v.eventId().equals(eventId) && requestId.equals(v.requestId())
        && Integer.valueOf(2).equals(v.position()), WITHIN);
  }
}
