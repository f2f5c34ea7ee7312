package com.eplly.api.support;

import com.eplly.api.admin.AdminApiKey;
import com.eplly.api.recommend.ActiveVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the test classes that talk HTTP to a running api on random ports: its Redis client, its
 * active version and the HTTP helpers. Subclasses say how Kafka and Redis are reached.
 */
@TestPropertySource(properties = {
    // tests refresh version and snapshot by hand, so what they hold is deterministic
    "eplly.recommend.version-refresh=1h",
    "eplly.recommend.snapshot-refresh=1h",
    // test classes reseed trending and latest between requests; article model lists stay cached
    "eplly.recommend.shared-lists-ttl=0s",
    // a generous bound for a shared 2-core machine, still far from "hanging"
    "eplly.redis.timeout=500ms"})
@Tag("slow")
public abstract class RunningApiTest {

  protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  protected final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort protected int port;
  /** The actuator's own port (random in tests, since the public one is). */
  @LocalManagementPort protected int managementPort;
  @Autowired protected UnifiedJedis redis;
  @Autowired protected ActiveVersion activeVersion;

  protected HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An admin call: {@code key} null sends none, {@code body} null sends no body (else as JSON). */
  protected HttpResponse<String> admin(String method, String path, String key, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header(AdminApiKey.HEADER, key);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request);
  }

  protected URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** GET on the management port (actuator: metrics, info, health details). */
  protected HttpResponse<String> management(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).GET());
  }
}
