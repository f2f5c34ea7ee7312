package com.eplly.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.recommend.ServingSnapshot;
import com.eplly.api.support.Fixture;
import com.eplly.api.support.RunningApiTest;
import com.eplly.api.support.SharedRedis;
import com.eplly.contracts.Topics;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Protocol;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;

/**
 * Redis stalling, then gone: valid requests still get 200 quickly, from the last-known snapshot
 * with {@code degraded: true}. Its own context and redis-server, since it stops the server.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"
    })
@EmbeddedKafka(partitions = 1, topics = Topics.PAGE_VIEWS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisOutageTest extends RunningApiTest {

  private static final int REDIS_PORT = SharedRedis.freePort();
  private static RedisServer redisServer;

  @Autowired ServingSnapshot snapshot;

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
  }

  @BeforeEach
  void seed() {
    if (redisServer.isActive()) {
      Fixture.seed(redis);
      activeVersion.refresh();
    }
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
    assertThat(body.get("modelVersion").asString()).isEqualTo(Fixture.VERSION);
    List<String> ids = new ArrayList<>();
    body.get("items").forEach(i -> ids.add(i.get("articleId").asString()));
    assertThat(ids).containsExactly("t1", "pop1", "l1");
    assertThat(took).isLessThan(Duration.ofSeconds(3));

    HttpResponse<String> prometheus = management("/actuator/prometheus");
    assertThat(prometheus.body()).containsPattern("eplly_recommendations_degraded_total(\\{[^}]*\\})? [1-9]");
  }
}
