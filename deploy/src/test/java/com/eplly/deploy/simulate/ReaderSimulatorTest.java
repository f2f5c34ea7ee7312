package com.eplly.deploy.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.testing.MutableClock;
import com.eplly.deploy.client.ApiClient;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator against a stand-in of the api's widget endpoints on loopback (answers as the api
 * would, records every event's reader and time): its readers browse at a human pace, within the
 * api's per-reader rate limit, from the first second on.
 */
class ReaderSimulatorTest {

  private static final long END = Instant.parse("2026-11-27T12:00:00Z").toEpochMilli();
  private static final DemoDataGenerator PORTAL = new DemoDataGenerator(DemoConfig.small(END).withPageViews(5_000));
  /** The api's defaults: eplly.events.rate-limit.per-reader and per-reader-burst. */
  private static final double PER_READER_PER_SECOND = 5;
  private static final double PER_READER_BURST = 10;

  private final ObjectMapper json = new ObjectMapper();
  private final List<Long> eventTimes = new ArrayList<>();
  private final List<String> eventReaders = new ArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startStandIn() throws IOException {
    // small answers on a kept-alive connection would otherwise wait on Nagle and delayed ACKs (40 ms each)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<String> block = PORTAL.articles().stream().filter(a -> a.publishedAt() <= END)
        .sorted(Comparator.comparingLong(Article::publishedAt).reversed()).limit(6).map(Article::articleId).toList();
    server.createContext("/v1/recommendations", exchange -> {
      StringBuilder items = new StringBuilder();
      for (String id : block) {
        items.append(items.length() == 0 ? "" : ",").append("{\"articleId\":\"").append(id)
            .append("\",\"reason\":\"popular\",\"score\":1}");
      }
      answer(exchange, 200, "{\"requestId\":\"" + UUID.randomUUID() + "\",\"items\":[" + items
          + "],\"modelVersion\":\"v1\",\"degraded\":false,\"experiment\":\"e\",\"arm\":\"A\"}");
    });
    server.createContext("/v1/events", this::recordEvent);
    server.createContext("/v1/impressions", this::recordEvent);
    server.start();
  }

  @AfterEach
  void stopStandIn() {
    server.stop(0);
  }

  @Test
  void readersStayWithinThePerReaderRateLimitFromTheStart() {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(END));
    ReaderSimulator.Options options = ReaderSimulator.Options.standard();
    ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
        Duration.ofSeconds(5));
    long stepMillis = Math.round(1000 / options.blocksPerSecond());
    try (ReaderSimulator simulator = new ReaderSimulator(api, PORTAL, ClickModel.standard(PORTAL), clock, options)) {
      for (int step = 0; step < 15 * options.blocksPerSecond(); step++) {
        simulator.step();
        clock.advance(Duration.ofMillis(stepMillis));
      }
      assertFalse(simulator.summary().contains("failed"), simulator.summary());
      assertEquals(300, simulator.tallies().get("A").served());
    }

    Map<String, double[]> buckets = new HashMap<>(); // reader -> {tokens, last time}
    int refused = 0;
    for (int i = 0; i < eventReaders.size(); i++) {
      long at = eventTimes.get(i);
      double[] b = buckets.computeIfAbsent(eventReaders.get(i), r -> new double[] {PER_READER_BURST, at});
      b[0] = Math.min(PER_READER_BURST, b[0] + (at - b[1]) / 1000.0 * PER_READER_PER_SECOND);
      b[1] = at;
      if (b[0] >= 1) {
        b[0] -= 1;
      } else {
        refused++;
      }
    }
    assertEquals(0, refused, "events the api's per-reader limit would refuse, of " + eventReaders.size());
    assertTrue(buckets.size() >= options.openSessions(), "readers: " + buckets.size());
  }

  private synchronized void recordEvent(HttpExchange exchange) throws IOException {
    JsonNode event = json.readTree(exchange.getRequestBody().readAllBytes());
    eventReaders.add(event.path("readerId").asText());
    eventTimes.add(event.path("timestamp").asLong());
    answer(exchange, 202, "{\"eventId\":\"" + event.path("eventId").asText("") + "\"}");
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
