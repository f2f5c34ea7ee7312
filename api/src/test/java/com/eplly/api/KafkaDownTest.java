package com.eplly.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.BrokerDownStackTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kafka unreachable (the producer points at a closed port): events are refused with 503 and
 * Retry-After within 200 ms, recommendations do not slow down while events pour in, and stalled
 * uploads can hold at most the intake bulkhead's threads; recommendations do not wait for their
 * served events, which are dropped and counted.
 */
class KafkaDownTest extends BrokerDownStackTest {

  private static final Duration BOUND = Duration.ofMillis(200);

  @Test
  void eventsAreRefusedQuicklyWithRetryAfter() throws Exception {
    // Outside the timed requests: the test client's first connection and the first run of the
    // intake code (a malformed event: 400 before Kafka), so that what is timed is the Kafka path.
    assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/events"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
        .isEqualTo(400);
    List<Long> took = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      HttpResponse<String> res = postEvent();
      took.add(System.nanoTime() - start);

      assertThat(res.statusCode()).isEqualTo(503);
      assertThat(json.readTree(res.body()).get("error").asString()).contains("unavailable");
      assertThat(Long.parseLong(res.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }
    // Designed bound: a producer without connections fails at once until the breaker opens (5 sends), then
    // no wait at all. The test machine is shared and often starved of CPU, so the bound is asserted
    // on the median, and every answer only has to beat the 1 s a blocking producer would take.
    assertThat(percentile(took, 0.5)).isLessThan(BOUND.toNanos());
    assertThat(Collections.max(took)).isLessThan(Duration.ofSeconds(1).toNanos());
    assertThat(management("/actuator/prometheus").body())
        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"kafka\"[^}]*state=\"open\"[^}]*\\} 1");
  }

  @Test
  void recommendationLatencyHoldsWhile200EventsPerSecondAreRefused() throws Exception {
    List<Long> quiet = recommendationLatencies(60);

    ConcurrentLinkedQueue<long[]> events = new ConcurrentLinkedQueue<>();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    // 200 events/s: one every 5 ms, each on a pool thread so a slow answer cannot slow the rate
    ScheduledFuture<?> schedule = clock.scheduleAtFixedRate(() -> senders.execute(() -> {
      long start = System.nanoTime();
      try {
        events.add(new long[] {postEvent().statusCode(), System.nanoTime() - start});
      } catch (Exception e) {
        events.add(new long[] {-1, System.nanoTime() - start});
      }
    }), 0, 5, TimeUnit.MILLISECONDS);
    List<Long> loaded;
    try {
      Thread.sleep(300); // the load is a real rate on the wall clock: let it reach that rate
      loaded = recommendationLatencies(60);
    } finally {
      schedule.cancel(false);
      clock.shutdown();
      senders.shutdown();
      assertThat(senders.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(events.size()).isGreaterThan(150);
    assertThat(events).allSatisfy(e -> assertThat(e[0]).isEqualTo(503));
    long quietP50 = percentile(quiet, 0.5);
    long loadedP50 = percentile(loaded, 0.5);
    // With 12 Tomcat threads, events that each held a thread for a blocked send would leave
    // recommendations queueing for seconds. The margin absorbs the load's own CPU cost on a shared,
    // often starved, 2-core test machine.
    assertThat(loadedP50).as("p50 under load %d ms, quiet %d ms", loadedP50 / 1_000_000, quietP50 / 1_000_000)
        .isLessThan(2 * quietP50 + Duration.ofMillis(100).toNanos());
  }

  @Test
  void stalledUploadsHoldAtMostTheIntakeBulkhead() throws Exception {
    // 12 Tomcat threads, 4 intake slots: 12 uploads that stop after their headers
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("localhost", port), 2000);
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 300\r\n\r\n{\"eventId\":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        stalled.add(s);
      }
      long start = System.nanoTime();
      HttpResponse<String> res = get("/v1/recommendations?articleId=cur");
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

      List<String> statuses = new ArrayList<>();
      for (Socket s : stalled) {
        statuses.add(statusLine(s.getInputStream()));
      }
      // those beyond the bulkhead are refused at once, the others time out reading (read-timeout 1s)
      assertThat(Collections.frequency(statuses, "HTTP/1.1 503 ")).isGreaterThanOrEqualTo(8);
      assertThat(Collections.frequency(statuses, "HTTP/1.1 408 ")).isLessThanOrEqualTo(4);
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  private static String statusLine(InputStream in) throws Exception {
    byte[] head = in.readNBytes(13);
    return new String(head, StandardCharsets.US_ASCII);
  }

  @Test
  void recommendationsDoNotWaitForTheServedEventsTheyCannotPublish() throws Exception {
    recommendationLatencies(1); // the client's first connection, outside the timed requests
    double droppedBefore = dropped();

    List<Long> took = recommendationLatencies(30);

    // the served-events producer never blocks (max.block.ms=0): no metadata means a drop inside send()
    assertThat(percentile(took, 0.5)).isLessThan(BOUND.toNanos());
    assertThat(Collections.max(took)).isLessThan(Duration.ofSeconds(1).toNanos());
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (dropped() < droppedBefore + 30 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(dropped()).isGreaterThanOrEqualTo(droppedBefore + 30);
  }

  private double dropped() throws Exception {
    Matcher m = Pattern.compile("(?m)^eplly_served_events_dropped_total(?:\\{[^}]*\\})? (\\S+)$")
        .matcher(management("/actuator/prometheus").body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private List<Long> recommendationLatencies(int n) throws Exception {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      HttpResponse<String> res = get("/v1/recommendations?articleId=cur&readerId=r-" + (i % 7));
      out.add(System.nanoTime() - start);
      assertThat(res.statusCode()).isEqualTo(200);
    }
    return out;
  }

  private static long percentile(List<Long> values, double p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
  }

  private HttpResponse<String> postEvent() throws Exception {
    String view = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"readerId\":\"r-k\",\"articleId\":\"cur\","
        + "\"sessionId\":\"s-k\",\"timestamp\":" + System.currentTimeMillis() + "}";
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/events"))
        .header("Content-Type", "text/plain;charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(view)));
  }
}
