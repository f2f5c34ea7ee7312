package com.eplly.api.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.Topics;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.traffic.IngestMinuteTraffic;
import com.eplly.contracts.traffic.LatencyBuckets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The per-minute traffic rollup on the running api and a real redis-server: real recommendation
 * requests and a second instance's figures add up in the minute's hash, and the admin endpoint
 * answers their sum.
 */
class TrafficApiTest extends LiveStackTest {

  @Autowired TrafficRecorder recorder;
  @Autowired TrafficRollup rollup;

  @BeforeEach
  void startCounting() {
    seedFixture();
    recorder.drain(); // what earlier test classes served is not this test's
  }

  @Test
  void sumsEveryInstancesMinuteAndAnswersTheSeries() throws Exception {
    for (int i = 0; i < 12; i++) {
      assertThat(get("/v1/recommendations?articleId=cur&readerId=r-1").statusCode()).isEqualTo(200);
    }
    rollup.flushEndedMinute();
    // another api instance, slow and serving only popular items, adds to the same minute
    TrafficRecorder other = new TrafficRecorder();
    for (int i = 0; i < 8; i++) {
      other.answered(400_000_000L);
      other.item(Reason.POPULAR);
    }
    other.degraded();
    new TrafficRollup(other, redis, Clock.systemUTC()).flushEndedMinute();
    long minute = System.currentTimeMillis() / 60_000 - 1;
    assertThat(redis.ttl(Keyspace.apiTraffic(minute))).isBetween(1L, Keyspace.TRAFFIC_TTL.toSeconds());

    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/v1/admin/traffic?minutes=60"))
        .header("X-Api-Key", ADMIN_KEY).GET());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.get("points").size()).isEqualTo(60);
    long requests = 0;
    long popular = 0;
    JsonNode busiest = null;
    for (JsonNode point : body.get("points")) {
      requests += point.get("requests").asLong();
      popular += point.path("items").path("popular").asLong(0);
      if (busiest == null || point.get("requests").asLong() > busiest.get("requests").asLong()) {
        busiest = point;
      }
    }
    // the rollup's schedule may have moved this test's requests into the minute before: count them all
    assertThat(requests).isEqualTo(20);
    assertThat(popular).isGreaterThanOrEqualTo(8);
    assertThat(body.get("reasons").toString()).contains("popular", "read-together");
    if (busiest.get("requests").asLong() == 20) {
      // 8 of 20 at 400 ms: the p99 of the sum is the slow instance's bucket, the p50 the fast one's
      assertThat(busiest.get("p99Ms").asDouble())
          .isEqualTo(LatencyBuckets.upperMillis(LatencyBuckets.index(400_000_000L)));
      assertThat(busiest.get("p50Ms").asDouble()).isLessThan(400.0);
      assertThat(busiest.get("degradedShare").asDouble()).isEqualTo(1 / 20.0);
      assertThat(busiest.get("requestsPerSecond").asDouble()).isEqualTo(20 / 60.0);
    }
    JsonNode quiet = body.get("points").get(0);
    assertThat(quiet.get("requests").asLong()).isZero();
    assertThat(quiet.get("p99Ms").isNull()).isTrue();
  }

  @Test
  void answersIngestsMinuteBesideTheApis() throws Exception {
    long minute = System.currentTimeMillis() / 60_000 - 2;
    long end = (minute + 1) * 60_000;
    IngestMinuteTraffic ingest = new IngestMinuteTraffic(Map.of(Topics.PAGE_VIEWS, 1_200L),
        Map.of(Topics.PAGE_VIEWS, 3L), Map.of(IngestMinuteTraffic.partition(Topics.PAGE_VIEWS, 1), 42L),
        Map.of(IngestMinuteTraffic.LAKE, end - 2_500, IngestMinuteTraffic.LIVE, end - 500));
    Map<String, String> fields = new HashMap<>();
    ingest.sums().forEach((f, n) -> fields.put(f, Long.toString(n)));
    ingest.maxima().forEach((f, n) -> fields.put(f, Long.toString(n)));
    redis.hset(Keyspace.ingestTraffic(minute), fields);

    JsonNode body = json.readTree(send(HttpRequest.newBuilder(uri("/v1/admin/traffic?minutes=5"))
        .header("X-Api-Key", ADMIN_KEY).GET()).body());

    assertThat(body.get("topics").toString()).isEqualTo("[\"page-views\"]");
    assertThat(body.get("partitions").toString()).isEqualTo("[\"page-views-1\"]");
    // found by its minute: the clock may have moved on a minute since this test wrote it
    JsonNode point = null;
    JsonNode silent = null;
    for (JsonNode p : body.get("points")) {
      long at = Instant.parse(p.get("minute").asText()).getEpochSecond() / 60;
      if (at == minute) {
        point = p.get("ingest");
      } else if (at > minute) {
        silent = p.get("ingest");
      }
    }
    assertThat(point.get("eventsPerSecond").get(Topics.PAGE_VIEWS).asDouble()).isEqualTo(20.0);
    assertThat(point.get("deadLetters").get(Topics.PAGE_VIEWS).asLong()).isEqualTo(3);
    assertThat(point.get("lag").get("page-views-1").asLong()).isEqualTo(42);
    assertThat(point.get("lakeAgeSeconds").asDouble()).isEqualTo(2.5);
    assertThat(point.get("liveAgeSeconds").asDouble()).isEqualTo(0.5);
    assertThat(silent.get("lakeAgeSeconds").isNull()).as("no ingest instance reported that minute").isTrue();
  }

  @Test
  void needsTheAdminKeyAndABoundedWindow() throws Exception {
    assertThat(get("/v1/admin/traffic").statusCode()).isEqualTo(401);
    assertThat(send(HttpRequest.newBuilder(uri("/v1/admin/traffic?minutes=500"))
        .header("X-Api-Key", ADMIN_KEY).GET()).statusCode()).isEqualTo(400);
  }
}
