package com.eplly.bench.rules;

import com.eplly.bench.faults.Percentiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long an editor waits: per try, the top suggestion of a page is blocked through one api
 * instance's {@code POST /v1/admin/rules}, and every instance given is asked for the page, without
 * pause, until its answer no longer holds the article; then the rule is deleted and the same is
 * timed until it is back. Prints each try's slowest instance and the percentiles over the tries.
 *
 * <p>Usage: {@code RulePropagation ADMIN_URL KEY READ_URL[,READ_URL...] ARTICLE [TRIES]}
 */
public final class RulePropagation {

  private static final Duration GIVE_UP = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String admin;
  private final String key;
  private final List<String> readers;
  private final String page;

  private RulePropagation(String admin, String key, List<String> readers, String article) {
    this.admin = admin;
    this.key = key;
    this.readers = readers;
    this.page = "/v1/recommendations?articleId=" + article + "&readerId=propagation-reader&limit=6";
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: RulePropagation ADMIN_URL KEY READ_URL[,READ_URL...] ARTICLE [TRIES]");
      System.exit(2);
    }
    int tries = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    new RulePropagation(args[0], args[1], List.of(args[2].split(",")), args[3]).run(tries);
  }

  private void run(int tries) throws Exception {
    List<Double> blocked = new ArrayList<>();
    List<Double> unblocked = new ArrayList<>();
    System.out.printf("%d tries: block the page's top suggestion through %s, read it from %s%n", tries, admin, readers);
    for (int i = 1; i <= tries; i++) {
      String top = items(readers.get(0)).get(0);
      long posted = System.nanoTime();
      String id = post("{\"kind\":\"block\",\"article\":\"" + top + "\",\"createdBy\":\"rule-propagation\"}");
      blocked.add(slowest(top, false, posted));
      long deleted = System.nanoTime();
      delete(id);
      unblocked.add(slowest(top, true, deleted));
      if (i % 10 == 0 || i == tries) {
        System.out.printf("  %3d/%d: block %.1f ms, unblock %.1f ms (slowest instance)%n", i, tries,
            blocked.get(i - 1), unblocked.get(i - 1));
      }
    }
    System.out.println("from the admin call's start to the first answer of every instance that honours it:");
    System.out.println("  block   " + Percentiles.of(blocked));
    System.out.println("  unblock " + Percentiles.of(unblocked));
  }

  /** Milliseconds from {@code start} until every instance's answer holds {@code article} as wanted. */
  private double slowest(String article, boolean present, long start) throws Exception {
    long deadline = start + GIVE_UP.toNanos();
    double slowest = 0;
    for (String reader : readers) {
      while (items(reader).contains(article) != present) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(reader + " still " + (present ? "leaves out " : "serves ") + article
              + " after " + GIVE_UP);
        }
      }
      slowest = Math.max(slowest, (System.nanoTime() - start) / 1e6);
    }
    return slowest;
  }

  private List<String> items(String base) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + page)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(base + page + " answered " + r.statusCode() + ": " + r.body());
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode item : json.readTree(r.body()).get("items")) {
      ids.add(item.get("articleId").asText());
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException(base + page + " suggests nothing: pick a page with suggestions");
    }
    return ids;
  }

  private String post(String body) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(admin + "/v1/admin/rules"))
        .header("X-Api-Key", key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("POST /v1/admin/rules answered " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body()).get("id").asText();
  }

  private void delete(String id) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(admin + "/v1/admin/rules/" + id))
        .header("X-Api-Key", key).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("DELETE /v1/admin/rules/" + id + " answered " + r.statusCode() + ": " + r.body());
    }
  }
}
