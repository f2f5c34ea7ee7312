package com.eplly.api.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.experiment.ArmMeasure;
import com.eplly.contracts.experiment.AssignmentUnit;
import com.eplly.contracts.experiment.LookSchedule;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.VersionMetaFields;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The experiments admin API on the running api, a real redis-server and the fixture's published version. */
class ExperimentApiTest extends LiveStackTest {

  private static final String OTHER = "v-it-2";

  @Autowired RunningExperiments running;
  @Autowired ExperimentRouting routing;

  @BeforeEach
  void publishTwoVersions() {
    seedFixture();
    redis.hset(Keyspace.versionMeta(OTHER), Map.of(VersionMetaFields.CREATED, "2026-01-02T00:00:00Z"));
    redis.set(Keyspace.popularList(OTHER), "[]");
    redis.zadd(Keyspace.versions(), System.currentTimeMillis(), OTHER);
    running.refresh();
  }

  @Test
  void startsReportsAndStopsAnExperimentAndEveryInstanceSeesIt() throws Exception {
    HttpResponse<String> created = adminPost("/v1/admin/experiments", hybridVsPopular("hybrid-vs-popular"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/v1/admin/experiments/hybrid-vs-popular");
    JsonNode body = json.readTree(created.body());
    assertThat(body.get("status").asString()).isEqualTo("running");
    assertThat(body.get("arms").get(0).get("version").asString()).isEqualTo(VERSION);
    assertThat(body.get("arms").get(1).get("policy").asString()).isEqualTo("popular");
    assertThat(body.get("arms").get(0).get("served").asLong()).isZero();

    running.refresh(); // what every instance's schedule does
    assertThat(running.runningFor(AssignmentUnit.READER)).map(e -> e.name()).hasValue("hybrid-vs-popular");
    assertThat(running.runningFor(AssignmentUnit.SESSION)).isEmpty();
    // readers stick to an arm; a request naming no reader is not in a reader experiment
    String arm = routing.route("r-1", "s-1").orElseThrow().arm().name();
    for (int i = 0; i < 5; i++) {
      assertThat(routing.route("r-1", "s-" + i).orElseThrow().arm().name()).isEqualTo(arm);
    }
    assertThat(routing.route(null, "s-1")).isEmpty();
    long inA = java.util.stream.IntStream.range(0, 2_000)
        .filter(r -> routing.route("r-" + r, null).orElseThrow().arm().name().equals("A")).count();
    assertThat(inA).as("a 50/50 split of 2,000 readers").isBetween(900L, 1_100L);

    HttpResponse<String> stopped = adminPost("/v1/admin/experiments/hybrid-vs-popular/stop", "");
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    assertThat(json.readTree(stopped.body()).get("status").asString()).isEqualTo("stopped");
    running.refresh();
    assertThat(running.runningFor(AssignmentUnit.READER)).isEmpty();
    // the unit is free again, but the name is not reused
    assertThat(adminPost("/v1/admin/experiments", hybridVsPopular("hybrid-vs-popular")).statusCode()).isEqualTo(409);
    assertThat(adminPost("/v1/admin/experiments", hybridVsPopular("second")).statusCode()).isEqualTo(201);
  }

  @Test
  void eachArmServesItsReadersAndTheAnswerNamesIt() throws Exception {
    adminPost("/v1/admin/experiments", hybridVsPopular("served-by-arm"));
    running.refresh();
    String inA = readerIn("A");
    String inB = readerIn("B");

    JsonNode a = json.readTree(get("/v1/recommendations?articleId=cur&readerId=" + inA + "&limit=6").body());
    JsonNode b = json.readTree(get("/v1/recommendations?articleId=cur&readerId=" + inB + "&limit=6").body());
    JsonNode anonymous = json.readTree(get("/v1/recommendations?articleId=cur&limit=6").body());

    assertThat(a.get("experiment").asString()).isEqualTo("served-by-arm");
    assertThat(a.get("arm").asString()).isEqualTo("A");
    assertThat(a.get("modelVersion").asString()).isEqualTo(VERSION);
    assertThat(reasons(a)).contains("read-together");
    assertThat(b.get("arm").asString()).isEqualTo("B");
    assertThat(b.get("modelVersion").isNull()).as(b.toString()).isTrue();
    assertThat(reasons(b)).isNotEmpty().isSubsetOf("trending", "popular", "latest");
    assertThat(anonymous.get("experiment").isNull()).as("no reader: the active version, not counted").isTrue();
  }

  private String readerIn(String arm) {
    for (int r = 0; ; r++) {
      if (routing.route("r-" + r, null).orElseThrow().arm().name().equals(arm)) {
        return "r-" + r;
      }
    }
  }

  private static java.util.List<String> reasons(JsonNode answer) {
    java.util.List<String> out = new java.util.ArrayList<>();
    answer.get("items").forEach(i -> out.add(i.get("reason").asString()));
    return out;
  }

  @Test
  void refusesASecondRunningExperimentForTheSameUnit() throws Exception {
    assertThat(adminPost("/v1/admin/experiments", hybridVsPopular("first")).statusCode()).isEqualTo(201);

    HttpResponse<String> second = adminPost("/v1/admin/experiments", hybridVsPopular("second"));

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("experiment first is already running for unit reader");
    assertThat(redis.hexists(Keyspace.experiments(), "second")).isFalse();
  }

  @Test
  void badDefinitionsGet400WithEveryReason() throws Exception {
    HttpResponse<String> shares = adminPost("/v1/admin/experiments", """
        {"name":"x","unit":"reader","arms":[{"name":"A","version":"%s","share":60},{"name":"B","policy":"random","share":30}]}
        """.formatted(VERSION));
    HttpResponse<String> unpublished = adminPost("/v1/admin/experiments", """
        {"name":"y","unit":"reader","arms":[{"name":"A","version":"v-never","share":50},{"name":"B","policy":"popular","share":50}]}
        """);
    HttpResponse<String> serverFields = adminPost("/v1/admin/experiments", """
        {"name":"z","unit":"reader","status":"running","startedAt":"2026-01-01T00:00:00Z",
         "arms":[{"name":"A","version":"%s","share":50},{"name":"B","policy":"popular","share":50}]}
        """.formatted(VERSION));

    assertThat(shares.statusCode()).isEqualTo(400);
    assertThat(shares.body()).contains("arm shares must sum to 100, got 90");
    assertThat(unpublished.statusCode()).isEqualTo(400);
    assertThat(unpublished.body()).contains("version v-never is not published");
    assertThat(serverFields.statusCode()).isEqualTo(400);
    assertThat(serverFields.body()).contains("set by the server");
    assertThat(redis.hlen(Keyspace.experiments())).isZero();
  }

  @Test
  void needsTheAdminKey() throws Exception {
    HttpResponse<String> res = send(HttpRequest.newBuilder(uri("/v1/admin/experiments"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(hybridVsPopular("no-key"))));

    assertThat(res.statusCode()).isEqualTo(401);
    assertThat(get("/v1/admin/experiments").statusCode()).isEqualTo(401);
  }

  @Test
  void reportsTheLiveCountsAsHourlyLooks() throws Exception {
    JsonNode started = json.readTree(adminPost("/v1/admin/experiments", hybridVsPopular("counted")).body());
    Instant startedAt = Instant.parse(started.get("startedAt").asString());
    // what ingest adds for attributed events
    String key = Keyspace.experimentCounts("counted", LookSchedule.label(LookSchedule.periodOf(startedAt)));
    redis.hset(key, Map.of(
        Keyspace.experimentCountField("A", ArmMeasure.UNITS), "1000",
        Keyspace.experimentCountField("A", ArmMeasure.SERVED), "4000",
        Keyspace.experimentCountField("A", ArmMeasure.VIEWABLE), "3000",
        Keyspace.experimentCountField("A", ArmMeasure.CLICKS), "300",
        Keyspace.experimentCountField("B", ArmMeasure.UNITS), "990",
        Keyspace.experimentCountField("B", ArmMeasure.SERVED), "3900",
        Keyspace.experimentCountField("B", ArmMeasure.VIEWABLE), "3000",
        Keyspace.experimentCountField("B", ArmMeasure.CLICKS), "150"));

    JsonNode report = json.readTree(admin("/v1/admin/experiments/counted").body());

    JsonNode a = report.get("arms").get(0);
    assertThat(a.get("viewable").asLong()).isEqualTo(3000);
    assertThat(a.get("clicks").asLong()).isEqualTo(300);
    assertThat(a.get("ctr").asDouble()).isEqualTo(0.1);
    assertThat(a.get("ctrCi95").get(0).asDouble()).isLessThan(0.1);
    JsonNode lift = report.get("lifts").get(0);
    assertThat(lift.get("arm").asString()).isEqualTo("B");
    assertThat(lift.get("relative").asDouble()).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lift.get("pValue").asDouble()).isLessThan(0.01);
    assertThat(report.get("srm").get("ok").asBoolean()).isTrue();
    // one look per hour begun since the start (the clock may have crossed an hour since)
    assertThat(report.get("looks").asInt()).isEqualTo(LookSchedule.periods(startedAt, Instant.now()).size());
    assertThat(report.get("history").get(0).get("at").asString())
        .isEqualTo(LookSchedule.periodOf(startedAt).toString());
    assertThat(json.readTree(admin("/v1/admin/experiments").body()).get(0).get("name").asString()).isEqualTo("counted");
  }

  @Test
  void sumsWhereTheClicksLandedOverTheHours() throws Exception {
    JsonNode started = json.readTree(adminPost("/v1/admin/experiments", hybridVsPopular("landed")).body());
    Instant hour = LookSchedule.periodOf(Instant.parse(started.get("startedAt").asString()));
    redis.hset(Keyspace.experimentCounts("landed", LookSchedule.label(hour)), Map.of(
        Keyspace.experimentCountField("A", ArmMeasure.VIEWABLE), "300",
        Keyspace.experimentCountField("A", ArmMeasure.CLICKS), "30",
        Keyspace.experimentPositionClicksField("A", 1), "20",
        Keyspace.experimentPositionClicksField("A", 4), "10",
        Keyspace.experimentReasonClicksField("A", "read-together"), "30"));
    // an hour before the start is not the experiment's
    redis.hset(Keyspace.experimentCounts("landed", LookSchedule.label(hour.minus(LookSchedule.PERIOD))), Map.of(
        Keyspace.experimentPositionClicksField("A", 1), "999"));

    HttpResponse<String> answer = admin("/v1/admin/experiments/landed/clicks");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode a = json.readTree(answer.body()).get(0);
    assertThat(a.get("arm").asString()).isEqualTo("A");
    assertThat(a.get("viewable").asLong()).isEqualTo(300);
    assertThat(a.get("byPosition").toString()).isEqualTo("{\"1\":20,\"4\":10}");
    assertThat(a.get("byReason").toString()).isEqualTo("{\"read-together\":30}");
    JsonNode b = json.readTree(answer.body()).get(1);
    assertThat(b.get("clicks").asLong()).isZero();
    assertThat(b.get("byPosition").isEmpty()).isTrue();
  }

  @Test
  void promotesAnArmsVersionThroughItsQualityGate() throws Exception {
    adminPost("/v1/admin/experiments", """
        {"name":"promo","unit":"session","arms":[{"name":"A","version":"%s","share":50},{"name":"B","version":"%s","share":50}]}
        """.formatted(VERSION, OTHER));

    HttpResponse<String> noVerdict = adminPost("/v1/admin/experiments/promo/promote?arm=B", "");
    assertThat(noVerdict.statusCode()).isEqualTo(409);
    assertThat(noVerdict.body()).contains("has no quality-gate verdict");
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(VERSION);

    redis.hset(Keyspace.versionMeta(OTHER), VersionMetaFields.GATE, "refused: MRR@10 -9 %");
    assertThat(adminPost("/v1/admin/experiments/promo/promote?arm=B", "").statusCode()).isEqualTo(409);

    HttpResponse<String> forced = adminPost("/v1/admin/experiments/promo/promote?arm=B&force=true", "");
    assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
    assertThat(json.readTree(forced.body()).get("forced").asBoolean()).isTrue();
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(OTHER);
    assertThat(redis.hget(Keyspace.versionMeta(OTHER), VersionMetaFields.PROMOTED))
        .contains("from experiment promo arm B").contains("forced past the quality gate");

    redis.hset(Keyspace.versionMeta(VERSION), VersionMetaFields.GATE, "passed: MRR@10 +2 %");
    HttpResponse<String> passed = adminPost("/v1/admin/experiments/promo/promote?arm=A", "");
    assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);
    assertThat(json.readTree(passed.body()).get("forced").asBoolean()).isFalse();
    assertThat(json.readTree(passed.body()).get("previous").asString()).isEqualTo(OTHER);
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(VERSION);
  }

  private static String hybridVsPopular(String name) {
    return """
        {"name":"%s","unit":"reader","arms":[{"name":"A","version":"%s","share":50},{"name":"B","policy":"popular","share":50}]}
        """.formatted(name, VERSION);
  }

  private HttpResponse<String> adminPost(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", ADMIN_KEY)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> admin(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", ADMIN_KEY).GET());
  }
}
