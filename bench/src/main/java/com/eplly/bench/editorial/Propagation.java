package com.eplly.bench.editorial;

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
 * How long an editor waits (issue 19: within 1 s on every instance): per try, the page's top
 * suggestion is kept out by an {@link EditorialChange} (a block rule, or the article's hidden flag),
 * and every api instance given is asked for the page, without pause, until its answer no longer
 * holds the article; then the change is undone and the way back is timed. Prints each tenth try's
 * slowest instance and the percentiles over the tries.
 *
 * <p>Usage: {@code Propagation rule ADMIN_URL KEY READ_URLS ARTICLE TRIES} or
 * {@code Propagation hidden BOOTSTRAP_SERVERS READ_URLS ARTICLE TRIES}; READ_URLS comma-separated.
 */
public final class Propagation {

  private static final Duration GIVE_UP = Duration.ofSeconds(10);

  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> readers;
  private final String page;

  private Propagation(HttpClient http, List<String> readers, String article) {
    this.http = http;
    this.readers = readers;
    this.page = "/v1/recommendations?articleId=" + article + "&readerId=propagation-reader&limit=6";
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 6 && !(args.length == 5 && "hidden".equals(args[0]))) {
      System.err.println("usage: Propagation rule ADMIN_URL KEY READ_URLS ARTICLE TRIES"
          + " | Propagation hidden BOOTSTRAP_SERVERS READ_URLS ARTICLE TRIES");
      System.exit(2);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    boolean rule = "rule".equals(args[0]);
    int at = rule ? 3 : 2;
    List<String> readers = List.of(args[at].split(","));
    try (EditorialChange change = rule ? new BlockRule(http, args[1], args[2]) : new HiddenFlag(http, readers.get(0), args[1])) {
      new Propagation(http, readers, args[at + 1]).run(change, args[0], Integer.parseInt(args[at + 2]));
    }
  }

  private void run(EditorialChange change, String kind, int tries) throws Exception {
    List<Double> applied = new ArrayList<>();
    List<Double> reverted = new ArrayList<>();
    System.out.printf("%d tries: keep the page's top suggestion out by %s, read the page from %s%n", tries,
        "rule".equals(kind) ? "a block rule" : "its hidden flag (catalog topic -> ingest -> notice)", readers);
    for (int i = 1; i <= tries; i++) {
      String top = items(readers.get(0)).get(0);
      long start = System.nanoTime();
      String handle = change.apply(top);
      applied.add(slowest(top, false, start));
      start = System.nanoTime();
      change.revert(top, handle);
      reverted.add(slowest(top, true, start));
      if (i % 10 == 0 || i == tries) {
        System.out.printf("  %3d/%d: applied %.1f ms, undone %.1f ms (slowest instance)%n", i, tries,
            applied.get(i - 1), reverted.get(i - 1));
      }
    }
    System.out.println("from the change's start to the first answer of every instance that honours it:");
    System.out.println("  applied " + Percentiles.of(applied));
    System.out.println("  undone  " + Percentiles.of(reverted));
  }

  /** Milliseconds from {@code start} until every instance's answer holds {@code article} as wanted. */
  private double slowest(String article, boolean present, long start) throws IOException, InterruptedException {
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
}
