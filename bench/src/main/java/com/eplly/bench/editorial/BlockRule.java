package com.eplly.bench.editorial;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A block rule posted to one api instance's {@code /v1/admin/rules}, and deleted again. */
final class BlockRule implements EditorialChange {

  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final String admin;
  private final String key;

  BlockRule(HttpClient http, String admin, String key) {
    this.http = http;
    this.admin = admin;
    this.key = key;
  }

  @Override
  public String apply(String article) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(admin + "/v1/admin/rules"))
        .header("X-Api-Key", key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"kind\":\"block\",\"article\":\"" + article + "\",\"createdBy\":\"editorial-propagation\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("POST /v1/admin/rules answered " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body()).get("id").asText();
  }

  @Override
  public void revert(String article, String ruleId) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(admin + "/v1/admin/rules/" + ruleId))
        .header("X-Api-Key", key).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("DELETE /v1/admin/rules/" + ruleId + " answered " + r.statusCode() + ": " + r.body());
    }
  }
}
