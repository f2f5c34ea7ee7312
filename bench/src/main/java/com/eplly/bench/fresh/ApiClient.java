package com.eplly.bench.fresh;

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

/** The api calls the freshness benchmark makes: post a page view, read recommendations and the newest articles. */
public final class ApiClient {

  /** One recommended item: its id and the reason the api gave. */
  public record Item(String articleId, String reason) {}

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  public ApiClient(URI base) {
    this.base = base;
  }

  /** POST /v1/events with an encoded page view; fails unless the api answers 202. */
  public void postPageView(byte[] body) {
    HttpRequest r = HttpRequest.newBuilder(base.resolve("v1/events")).timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> response = send(r);
    if (response.statusCode() != 202) {
      throw new IllegalStateException("POST /v1/events answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** GET /v1/recommendations for a reader (no current article). */
  public List<Item> recommendations(String readerId, int limit, Collection<String> exclude) {
    StringBuilder q = new StringBuilder("v1/recommendations?readerId=").append(enc(readerId)).append("&limit=").append(limit);
    if (!exclude.isEmpty()) {
      q.append("&exclude=").append(enc(String.join(",", exclude)));
    }
    return items(getJson(q.toString()));
  }

  private static List<Item> items(JsonNode root) {
    List<Item> items = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      items.add(new Item(item.path("articleId").asText(), item.path("reason").asText()));
    }
    return items;
  }

  /** GET /v1/recommendations under an article (no reader). */
  public List<Item> recommendationsFor(String articleId, int limit) {
    return items(getJson("v1/recommendations?articleId=" + enc(articleId) + "&limit=" + limit));
  }

  /** Ids of GET /v1/articles?limit=, newest first. */
  public List<String> latestArticleIds(int limit) {
    List<String> ids = new ArrayList<>();
    for (JsonNode a : getJson("v1/articles?limit=" + limit).path("items")) {
      ids.add(a.path("articleId").asText());
    }
    return ids;
  }

  private JsonNode getJson(String pathAndQuery) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(5)).GET().build());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
    }
    try {
      return json.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + pathAndQuery + " answered unreadable JSON", e);
    }
  }

  private HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
