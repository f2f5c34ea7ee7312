package com.eplly.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.recommend.ActiveVersion;
import com.eplly.api.recommend.ServingSnapshot;
import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api end to end against a real in-JVM Kafka broker and a real redis-server: recommendations
 * from a hand-published model version, validation errors, event intake, and degraded serving
 * once Redis is gone (last, since it stops the server).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      // the test refreshes version and snapshot by hand, so what they hold is deterministic
      "eplly.recommend.version-refresh=1h",
      "eplly.recommend.snapshot-refresh=1h"
    })
@EmbeddedKafka(partitions = 1, topics = Topics.PAGE_VIEWS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIntegrationTest {

  private static final String VERSION = "v-it-1";
  private static final int REDIS_PORT = freePort();
  private static RedisServer redisServer;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired RedisClient redis;
  @Autowired ActiveVersion activeVersion;
  @Autowired ServingSnapshot snapshot;
  @Autowired EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startRedis() throws IOException {
    redisServer = new RedisServer(REDIS_PORT);
    redisServer.start();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (redisServer.isActive()) {
      redisServer.stop();
    }
  }

  @DynamicPropertySource
  static void redisProperties(DynamicPropertyRegistry registry) {
    registry.add("eplly.redis.port", () -> REDIS_PORT);
    // a generous bound for a shared 2-core machine, still far from "hanging"
    registry.add("eplly.redis.timeout", () -> "500ms");
  }

  @BeforeEach
  void seed() {
    if (!redisServer.isActive()) {
      return;
    }
    long now = System.currentTimeMillis();
    long hourAgo = now - 3_600_000;
    article("cur", "world", hourAgo, null, false);
    article("read1", "science", hourAgo, null, false);
    article("n1", "science", hourAgo, null, false);
    article("n2", "health", hourAgo, null, false);
    article("n3", "science", hourAgo, null, false);
    article("hid", "health", hourAgo, null, true);
    article("exp", "health", hourAgo - 3_600_000, hourAgo, false);
    article("p1", "sport", hourAgo, null, false);
    article("t1", "world", hourAgo, null, false);
    article("pop1", "culture", hourAgo, null, false);
    article("l1", "tech", now - 60_000, null, false);

    redis.set(Keyspace.articleList(VERSION, "cur"), SuggestionListCodec.encode(List.of(
        new Suggestion("read1", 0.99, Reason.READ_TOGETHER),
        new Suggestion("n1", 0.9, Reason.READ_TOGETHER),
        new Suggestion("hid", 0.8, Reason.SIMILAR_CONTENT),
        new Suggestion("n2", 0.7, Reason.SIMILAR_CONTENT),
        new Suggestion("exp", 0.6, Reason.READ_TOGETHER),
        new Suggestion("ghost", 0.5, Reason.READ_TOGETHER))));
    redis.zadd(Keyspace.coVisits("cur"), Map.of("n3", 4.0, "n1", 9.0));
    redis.set(Keyspace.readerList(VERSION, "r-1"), SuggestionListCodec.encode(List.of(
        new Suggestion("p1", 0.5, Reason.SIMILAR_READERS))));
    redis.del(Keyspace.readerRecent("r-1"));
    redis.lpush(Keyspace.readerRecent("r-1"), "read1");
    redis.zadd(Keyspace.trending(now), Map.of("t1", 10.0, "cur", 50.0));
    redis.set(Keyspace.popularList(VERSION), SuggestionListCodec.encode(List.of(
        new Suggestion("pop1", 0.3, Reason.POPULAR))));
    redis.zadd(Keyspace.latestArticles(), Map.of("l1", (double) (now - 60_000), "cur", (double) hourAgo));
    redis.set(Keyspace.activeVersion(), VERSION);
    activeVersion.refresh();
  }

  private void article(String id, String category, long publishedAt, Long expiresAt, boolean hidden) {
    Article a = new Article(id, "Headline " + id, "https://news.example/" + id, category, publishedAt,
        "Summary of " + id, List.of("tag"), expiresAt, hidden);
    redis.del(Keyspace.article(id));
    redis.hset(Keyspace.article(id), ArticleHash.toHash(a));
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
  @Order(3)
  void rejectsBadParametersWithAMessage() throws Exception {
    HttpResponse<String> noIds = get("/v1/recommendations?limit=3");
    assertThat(noIds.statusCode()).isEqualTo(400);
    assertThat(json.readTree(noIds.body()).get("error").asString()).contains("at least one of");

    HttpResponse<String> badLimit = get("/v1/recommendations?articleId=cur&limit=500");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badLimit.body()).get("error").asString()).contains("limit");

    HttpResponse<String> badId = get("/v1/recommendations?articleId=a%20b");
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badId.body()).get("error").asString()).startsWith("articleId");
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
    Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "it-" + UUID.randomUUID(), false);
    try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
        props, new StringDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      broker.consumeFromAnEmbeddedTopic(consumer, Topics.PAGE_VIEWS);
      ConsumerRecord<String, byte[]> record =
          KafkaTestUtils.getSingleRecord(consumer, Topics.PAGE_VIEWS, Duration.ofSeconds(20));
      assertThat(record.key()).isEqualTo("r-42");
      PageView onTopic = ((com.eplly.contracts.codec.Decoded.Valid<PageView>)
          new EventCodec(Clock.systemUTC()).decodePageView(record.value())).value();
      assertThat(onTopic).isEqualTo(view);
    }
  }

  @Test
  @Order(6)
  void rejectsAMalformedPageView() throws Exception {
    HttpResponse<String> notJson = post("/v1/events", "{not json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json.readTree(notJson.body()).get("error").asString()).startsWith("malformed JSON");

    HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/v1/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("a=b")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(json.readTree(form.body()).get("error").asString()).contains("application/json");

    HttpResponse<String> badField = post("/v1/events",
        "{\"eventId\":\"x\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1}");
    assertThat(badField.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badField.body()).get("error").asString()).contains("eventId must be a UUID");
  }

  @Test
  @Order(7)
  void exposesHealthAndMetrics() throws Exception {
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    HttpResponse<String> prometheus = get("/actuator/prometheus");
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
    assertThat(page.body()).contains("You Might Like");
  }

  @Test
  @Order(90)
  void degradesQuicklyWhileRedisStallsAndRecoversAfter() throws Exception {
    snapshot.refresh();
    // A real stall: the server holds every client's commands for 3 s, longer than eplly.redis.timeout.
    redis.sendCommand(Protocol.Command.CLIENT, "PAUSE", "3000", "ALL");

    long start = System.nanoTime();
    HttpResponse<String> res = get("/v1/recommendations?articleId=cur&readerId=r-1");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(json.readTree(res.body()).get("degraded").asBoolean()).isTrue();
    assertThat(took).isLessThan(Duration.ofMillis(2500));

    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    boolean degraded = true;
    while (degraded && System.nanoTime() < deadline) {
      degraded = json.readTree(get("/v1/recommendations?articleId=cur&readerId=r-1").body())
          .get("degraded").asBoolean();
    }
    assertThat(degraded).as("fresh answers once the stall ends").isFalse();
  }

  @Test
  @Order(100)
  void answersFromTheSnapshotWhenRedisIsDown() throws Exception {
    snapshot.refresh();
    assertThat(snapshot.current().articles()).containsKeys("t1", "pop1", "l1");
    redisServer.stop();

    long start = System.nanoTime();
    HttpResponse<String> res = get("/v1/recommendations?articleId=cur&readerId=r-1&limit=10");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(res.body());
    assertThat(body.get("degraded").asBoolean()).isTrue();
    assertThat(body.get("modelVersion").asString()).isEqualTo(VERSION);
    List<String> ids = new ArrayList<>();
    body.get("items").forEach(i -> ids.add(i.get("articleId").asString()));
    assertThat(ids).containsExactly("t1", "pop1", "l1");
    assertThat(took).isLessThan(Duration.ofSeconds(3));

    HttpResponse<String> prometheus = get("/actuator/prometheus");
    assertThat(prometheus.body()).containsPattern("eplly_recommendations_degraded_total(\\{[^}]*\\})? [1-9]");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
