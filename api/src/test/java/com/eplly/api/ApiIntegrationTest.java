package com.eplly.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The api end to end against a real in-JVM Kafka broker and a real redis-server: recommendations
 * from a hand-published model version, event intake onto the topic, catalog, health and demo
 * page. (Redis outages: {@link RedisOutageTest}; refusals and error mapping as web behaviour: the
 * RecommendationServletTest and the {@code @WebMvcTest} slices EventControllerTest, AdminControllerTest.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIntegrationTest extends LiveStackTest {

  @BeforeEach
  void seed() {
    seedFixture();
  }

  @Test
  @Order(1)
  void recommendsInFallbackOrderWithoutCurrentReadHiddenExpiredOrUnknown() throws Exception {
    HttpResponse<String> res = get("/v1/recommendations?articleId=cur&readerId=r-1&limit=10");

    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(res.body());
    assertThat(body.get("modelVersion").asString()).isEqualTo(VERSION);
    assertThat(body.get("degraded").asBoolean()).isFalse();
    List<String> got = new ArrayList<>();
    for (JsonNode item : body.get("items")) {
      String id = item.get("articleId").asString();
      got.add(id + "/" + item.get("reason").asString());
      assertThat(item.get("title").asString()).isEqualTo("Headline " + id);
      assertThat(item.get("url").asString()).isEqualTo("https://news.example/" + id);
      assertThat(item.get("score").isNumber()).isTrue();
    }
    assertThat(got).containsExactly(
        "n1/read-together", "n2/similar-content", "n3/read-together", "p1/similar-readers",
        "t1/trending", "pop1/popular", "l1/latest");
  }

  @Test
  @Order(2)
  void honoursLimitAndExclude() throws Exception {
    JsonNode body = json.readTree(get("/v1/recommendations?articleId=cur&limit=2&exclude=n1").body());
    List<String> ids = new ArrayList<>();
    body.get("items").forEach(i -> ids.add(i.get("articleId").asString()));
    // without a reader, read1 is not known as read: it may appear, n1 may not
    assertThat(ids).containsExactly("read1", "n2");
  }

  @Test
  @Order(2)
  void theReadersOwnReadsAreFreshWhileModelListsComeFromTheNearCache() throws Exception {
    assertThat(ids(get("/v1/recommendations?articleId=cur&readerId=r-1&limit=10"))).contains("n1", "n2");
    // a read lands (as ingest records it), and the model list changes under the same version,
    // which publish never does: the read must show at once, the cached list may stay
    redis.lpush(com.eplly.contracts.redis.Keyspace.readerRecent("r-1"), "n1");
    redis.set(com.eplly.contracts.redis.Keyspace.articleList(VERSION, "cur"), "");

    assertThat(ids(get("/v1/recommendations?articleId=cur&readerId=r-1&limit=10")))
        .doesNotContain("n1").contains("n2");
  }

  private List<String> ids(HttpResponse<String> res) throws Exception {
    assertThat(res.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(res.body()).get("items").forEach(i -> ids.add(i.get("articleId").asString()));
    return ids;
  }

  @Test
  @Order(4)
  void servesTheCatalog() throws Exception {
    HttpResponse<String> one = get("/v1/articles/n1");
    assertThat(one.statusCode()).isEqualTo(200);
    JsonNode n1 = json.readTree(one.body());
    assertThat(n1.get("title").asString()).isEqualTo("Headline n1");
    assertThat(n1.get("summary").asString()).isEqualTo("Summary of n1");
    assertThat(n1.get("category").asString()).isEqualTo("science");

    assertThat(get("/v1/articles/nope").statusCode()).isEqualTo(404);

    JsonNode latest = json.readTree(get("/v1/articles?limit=5").body());
    assertThat(latest.get("items").get(0).get("articleId").asString()).isEqualTo("l1");
    assertThat(get("/v1/articles?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  @Order(5)
  void acceptsAValidPageViewOntoTheTopic() throws Exception {
    String eventId = UUID.randomUUID().toString();
    PageView view = new PageView(eventId, "r-42", "n1", "s-9", System.currentTimeMillis(), "cur", null);
    byte[] bytes = new EventCodec(Clock.systemUTC()).encode(view);

    HttpResponse<String> res = post("/v1/events", new String(bytes, StandardCharsets.UTF_8));

    assertThat(res.statusCode()).isEqualTo(202);
    assertThat(json.readTree(res.body()).get("eventId").asString()).isEqualTo(eventId);
    ConsumerRecord<String, byte[]> record =
        awaitPageView(v -> v.eventId().equals(eventId), Duration.ofSeconds(20));
    assertThat(record.key()).isEqualTo("r-42");
    PageView onTopic = ((com.eplly.contracts.codec.Decoded.Valid<PageView>)
        new EventCodec(Clock.systemUTC()).decodePageView(record.value())).value();
    assertThat(onTopic).isEqualTo(view);
  }

  @Test
  @Order(7)
  void exposesProbesPubliclyAndMetricsOnlyOnTheManagementPort() throws Exception {
    assertThat(get("/livez").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json.readTree(ready.body()).get("status").asString()).isEqualTo("UP");
    assertThat(ready.body()).doesNotContain("components").doesNotContain("details");
    for (String hidden : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator/health"}) {
      assertThat(get(hidden).statusCode()).as(hidden + " on the public port").isEqualTo(404);
    }
    HttpResponse<String> health = management("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("components");
    assertThat(management("/actuator/info").statusCode()).isEqualTo(200);
    HttpResponse<String> prometheus = management("/actuator/prometheus");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body())
        .contains("eplly_recommendations_latency_seconds_count")
        .contains("eplly_recommendations_items_total{source=\"read-together\"}");
  }

  @Test
  @Order(8)
  void servesTheDemoPage() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("widget.js").contains("data-eplly-article");
    HttpResponse<String> widget = get("/widget.js");
    assertThat(widget.statusCode()).isEqualTo(200);
    assertThat(widget.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(widget.body()).contains("You Might Like").contains("referrerArticleId");
    // a portal on another origin may call the api from the widget
    HttpResponse<String> cors = send(java.net.http.HttpRequest.newBuilder(
        uri("/v1/recommendations?articleId=cur")).header("Origin", "https://portal.example").GET());
    assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
  }

  /** The intake filter on the real servlet path (the other refusals: EventControllerTest). */
  @Test
  @Order(9)
  void refusesPageViewsFromPagesOfOtherOrigins() throws Exception {
    String view = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"readerId\":\"r-o\",\"articleId\":\"cur\","
        + "\"sessionId\":\"s-o\",\"timestamp\":" + System.currentTimeMillis() + "}";
    // text/plain, as the widget and sendBeacon send it: no preflight, so only the server can refuse it
    HttpResponse<String> foreign = send(HttpRequest.newBuilder(uri("/v1/events"))
        .header("Content-Type", "text/plain;charset=UTF-8").header("Origin", "https://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString(view)));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(json.readTree(foreign.body()).get("error").asString()).contains("origin");
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    // the api's own pages (the demo) post same-origin
    HttpResponse<String> own = send(HttpRequest.newBuilder(uri("/v1/events"))
        .header("Content-Type", "text/plain").header("Origin", "http://localhost:" + port)
        .POST(HttpRequest.BodyPublishers.ofString(view)));
    assertThat(own.statusCode()).isEqualTo(202);
  }

}
