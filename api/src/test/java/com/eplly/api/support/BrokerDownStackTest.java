package com.eplly.api.support;

import com.eplly.api.recommend.ActiveVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the fault tests that share one running api whose Kafka is unreachable (a closed loopback
 * port). Redis is the shared real server. Small pools (12 Tomcat threads, 4 intake slots) make
 * exhaustion observable with few connections.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "eplly.recommend.version-refresh=1h",
      "eplly.recommend.snapshot-refresh=1h",
      "eplly.recommend.shared-lists-ttl=0s",
      "eplly.events.rate-limit.enabled=false",
      "eplly.events.max-concurrent=4",
      "eplly.events.read-timeout=1s",
      "server.tomcat.threads.max=12",
      "eplly.events.warm-up=0s" // Kafka is unreachable on purpose: no point waiting for it at start
    })
@Tag("slow")
public abstract class BrokerDownStackTest {

  protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  protected final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort protected int port;
  @LocalManagementPort protected int managementPort;
  @Autowired protected UnifiedJedis redis;
  @Autowired protected ActiveVersion activeVersion;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    int closed = SharedRedis.freePort();
    registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closed);
    registry.add("eplly.redis.port", SharedRedis::port);
    registry.add("eplly.redis.timeout", () -> "500ms");
  }

  @BeforeEach
  void seed() {
    redis.flushDB();
    Fixture.seed(redis);
    activeVersion.refresh();
  }

  protected HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
  }

  protected HttpResponse<String> management(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).GET());
  }

  protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
