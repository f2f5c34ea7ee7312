package com.eplly.deploy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The api's HTTP interface as the portal uses it, for the local stack's callers, the benchmarks,
 * the fault runs and the tests: answers parsed from JSON into records; a status of
 * {@link #NO_ANSWER} when the api did not answer within the timeout (callers count those).
 */
public final class ApiClient {

  /** Status of a request that got no HTTP answer (refused, reset or timed out). */
  public static final int NO_ANSWER = -1;

  /** One suggested item of a recommendation answer. */
  public record Item(String articleId, String reason, double score) {}

  /**
   * A {@code GET /v1/recommendations} answer; on a status other than 200 no items and {@code error} the body.
   *
   * @param degraded   served from the api's in-process snapshot rather than Redis
   * @param requestId  the answer's id, which its viewable impression and clicks carry
   * @param arm        the experiment arm that served it, or null outside an experiment
   */
  public record Recommendations(int status, List<Item> items, String modelVersion, boolean degraded, String error,
      String requestId, String experiment, String arm) {

    /** An answer outside any experiment, or a failed one. */
    public Recommendations(int status, List<Item> items, String modelVersion, boolean degraded, String error) {
      this(status, items, modelVersion, degraded, error, null, null, null);
    }

    public List<String> ids() {
      return items.stream().map(Item::articleId).toList();
    }

    /** This answer when it is a 200; otherwise an IllegalStateException naming the status and body. */
    public Recommendations requireOk() {
      if (status != 200) {
        throw new IllegalStateException("GET /v1/recommendations answered " + status + ": " + error);
      }
      return this;
    }
  }

  /**
   * A {@code POST /v1/events} answer.
   *
   * @param eventId the accepted event's id (202), else null
   * @param millis  time from sending to the answer
   * @param error   the body of an answer other than 202, or why there was none
   */
  public record EventAnswer(int status, String eventId, double millis, String error) {

    public boolean accepted() {
      return status == 202;
    }

    /** This answer when it is a 202; otherwise an IllegalStateException naming the status and body. */
    public EventAnswer requireAccepted() {
      if (!accepted()) {
        throw new IllegalStateException("POST /v1/events answered " + (status == NO_ANSWER ? "nothing" : status) + ": " + error);
      }
      return this;
    }
  }

  /** A {@code GET /readyz} answer: 200 when the api can serve. */
  public record Readiness(int status, String state) {

    public boolean ready() {
      return status == 200;
    }
  }

  private final URI base;
  private final Duration timeout;
  // HTTP/1.1 as a browser talks to the api: no h2c upgrade attempt on the first request.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param base    the api's root, e.g. {@code http://localhost:8080/}
   * @param timeout bound of each request, answer included
   */
  public ApiClient(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
  }

  /** Recommendations under an article (null for none) for a reader (null for none). */
  public Recommendations recommendations(String articleId, String readerId, int limit) {
    return recommendations(articleId, readerId, limit, List.of());
  }

  /** As {@link #recommendations(String, String, int)}, leaving out the ids in {@code exclude}. */
  public Recommendations recommendations(String articleId, String readerId, int limit, Collection<String> exclude) {
    return recommendations(articleId, readerId, null, limit, exclude);
  }

  /** Recommendations on an article page of a reader's session, as the widget asks (any id may be null). */
  public Recommendations recommendations(String articleId, String readerId, String sessionId, int limit) {
    return recommendations(articleId, readerId, sessionId, limit, List.of());
  }

  private Recommendations recommendations(String articleId, String readerId, String sessionId, int limit,
      Collection<String> exclude) {
    StringBuilder q = new StringBuilder("v1/recommendations?limit=").append(limit);
    if (articleId != null) {
      q.append("&articleId=").append(enc(articleId));
    }
    if (readerId != null) {
      q.append("&readerId=").append(enc(readerId));
    }
    if (sessionId != null) {
      q.append("&sessionId=").append(enc(sessionId));
    }
    if (!exclude.isEmpty()) {
      q.append("&exclude=").append(enc(String.join(",", exclude)));
    }
    HttpResponse<String> r;
    try {
      r = http.send(get(q.toString()), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Recommendations(NO_ANSWER, List.of(), null, false, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Recommendations(NO_ANSWER, List.of(), null, false, "interrupted");
    }
    if (r.statusCode() != 200) {
      return new Recommendations(r.statusCode(), List.of(), null, false, r.body());
    }
    JsonNode node = parse(q.toString(), r.body());
    List<Item> items = new ArrayList<>();
    for (JsonNode i : node.path("items")) {
      items.add(new Item(i.path("articleId").asText(), i.path("reason").asText(), i.path("score").asDouble()));
    }
    return new Recommendations(200, items, text(node, "modelVersion"), node.path("degraded").asBoolean(), null,
        text(node, "requestId"), text(node, "experiment"), text(node, "arm"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  /** An admin call's answer: its status and body ({@link #NO_ANSWER} and the failure without one). */
  public record AdminAnswer(int status, String body) {}

  /** An admin call ({@code /v1/admin/...}) with the admin key; {@code body} null for none. */
  public AdminAnswer admin(String method, String path, String body, String apiKey) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("X-Api-Key", apiKey)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new AdminAnswer(r.statusCode(), r.body());
    } catch (IOException e) {
      return new AdminAnswer(NO_ANSWER, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AdminAnswer(NO_ANSWER, "interrupted");
    }
  }

  /** {@code POST /v1/impressions} of an encoded viewable impression, once. */
  public EventAnswer postImpression(byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/impressions")).timeout(timeout)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    long sentAt = System.nanoTime();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      double millis = (System.nanoTime() - sentAt) / 1e6;
      return new EventAnswer(r.statusCode(), null, millis, r.statusCode() == 202 ? null : r.body());
    } catch (IOException e) {
      return new EventAnswer(NO_ANSWER, null, 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new EventAnswer(NO_ANSWER, null, 0, "interrupted");
    }
  }

  /** Ids of {@code GET /v1/articles?limit=}, newest first; fails unless the api answers 200. */
  public List<String> latestArticleIds(int limit) {
    String q = "v1/articles?limit=" + limit;
    HttpResponse<String> r = sendOrFail(get(q));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + q + " answered " + r.statusCode() + ": " + r.body());
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode a : parse(q, r.body()).path("items")) {
      ids.add(a.path("articleId").asText());
    }
    return ids;
  }

  /** {@code GET /readyz}. */
  public Readiness readiness() {
    try {
      HttpResponse<String> r = http.send(get("readyz"), HttpResponse.BodyHandlers.ofString());
      return new Readiness(r.statusCode(), json.readTree(r.body()).path("status").asText(null));
    } catch (IOException e) {
      return new Readiness(NO_ANSWER, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Readiness(NO_ANSWER, null);
    }
  }

  /** {@code POST /v1/events} of an encoded page view, once. */
  public EventAnswer postEvent(byte[] body) {
    try {
      return postEventAsync(body).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new EventAnswer(NO_ANSWER, null, 0, "interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      return new EventAnswer(NO_ANSWER, null, 0, String.valueOf(e.getCause()));
    }
  }

  /** As {@link #postEvent}, without waiting: completes with the answer, or a {@link #NO_ANSWER} one; never exceptionally. */
  public CompletableFuture<EventAnswer> postEventAsync(byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/events")).timeout(timeout)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    long sentAt = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
      double millis = (System.nanoTime() - sentAt) / 1e6;
      if (r == null) {
        return new EventAnswer(NO_ANSWER, null, millis, String.valueOf(e));
      }
      if (r.statusCode() != 202) {
        return new EventAnswer(r.statusCode(), null, millis, r.body());
      }
      String eventId = null;
      try {
        eventId = json.readTree(r.body()).path("eventId").asText(null);
      } catch (IOException ignored) {
        // a 202 is an acceptance whatever its body says; the id is informational
      }
      return new EventAnswer(202, eventId, millis, null);
    });
  }

  /**
   * {@link #postEvent} sent again, with the same body, while the api answers 503 (Kafka did not
   * take the event in time; callers are expected to retry), at most {@code attempts} times in all.
   * An event without an answer is not sent again, as it may be in.
   */
  public EventAnswer postEventRetrying(byte[] body, int attempts, Duration pause) {
    EventAnswer answer = postEvent(body);
    for (int attempt = 1; attempt < attempts && answer.status() == 503; attempt++) {
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return answer;
      }
      answer = postEvent(body);
    }
    return answer;
  }

  private HttpRequest get(String pathAndQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).GET().build();
  }

  private HttpResponse<String> sendOrFail(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private JsonNode parse(String what, String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(what + " answered unreadable JSON: " + body, e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
