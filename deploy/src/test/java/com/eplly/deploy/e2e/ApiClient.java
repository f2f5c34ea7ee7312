package com.eplly.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small client of the api's HTTP interface, as the portal would use it. */
final class ApiClient {

  /** One suggested item of a response. */
  record Item(String articleId, String reason, double score) {}

  /** A parsed {@code /v1/recommendations} answer. */
  record Recommendations(List<Item> items, String modelVersion, boolean degraded) {
    List<String> ids() {
      return items.stream().map(Item::articleId).toList();
    }
  }

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final ObjectMapper json = new ObjectMapper();

  ApiClient(URI base) {
    this.base = base;
  }

  Recommendations recommendations(String articleId, String readerId, int limit) {
    StringBuilder q = new StringBuilder("v1/recommendations?limit=").append(limit);
    if (articleId != null) {
      q.append("&articleId=").append(URLEncoder.encode(articleId, StandardCharsets.UTF_8));
    }
    if (readerId != null) {
      q.append("&readerId=").append(URLEncoder.encode(readerId, StandardCharsets.UTF_8));
    }
    HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(q.toString())).GET());
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + q + " answered " + r.statusCode() + ": " + r.body());
    }
    try {
      JsonNode node = json.readTree(r.body());
      List<Item> items = new ArrayList<>();
      for (JsonNode i : node.path("items")) {
        items.add(new Item(i.path("articleId").asText(), i.path("reason").asText(), i.path("score").asDouble()));
      }
      return new Recommendations(items, node.path("modelVersion").isNull() ? null : node.path("modelVersion").asText(),
          node.path("degraded").asBoolean());
    } catch (IOException e) {
      throw new AssertionError("unparseable answer to GET " + q + ": " + r.body(), e);
    }
  }

  /** POSTs a page view's JSON; returns the status code. */
  /**
   * The status of POST /v1/events, resent up to twice on 503: the api answers 503 when Kafka did
   * not acknowledge in time (a loaded CI machine), and callers are expected to retry; this test's
   * check (the read article leaves the reader's suggestions) holds whether or not a view lands twice.
   */
  int postEvent(byte[] body) {
    int status = 503;
    for (int attempt = 0; attempt < 3 && status == 503; attempt++) {
      status = send(HttpRequest.newBuilder(base.resolve("v1/events"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))).statusCode();
    }
    return status;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
