package com.eplly.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.VersionMetaFields;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The active version never points at missing lists: activation over the admin API extends the
 * version's keys, refuses one about to expire, switches only from the expected version, and the
 * keep-alive re-extends the active version once it falls below half its publish TTL.
 */
class ModelLifecycleTest extends LiveStackTest {

  private static final Duration PUBLISH_TTL = Duration.ofDays(7);
  private static final String OLD = "v-old";

  @Autowired ActiveVersionKeepAlive keepAlive;

  @BeforeEach
  void seed() {
    seedFixture();
  }

  /** A version published long ago: its keys have {@code left} to live, its meta records a 7-day publish TTL. */
  private void publishedLongAgo(String version, long publishedAtMs, Duration left) {
    long ms = left.toMillis();
    redis.psetex(Keyspace.articleList(version, "cur"), ms, "[]");
    redis.psetex(Keyspace.readerList(version, "r-1"), ms, "[]");
    redis.psetex(Keyspace.popularList(version), ms, "[]");
    redis.hset(Keyspace.versionMeta(version), Map.of(VersionMetaFields.CREATED, "2026-01-01T00:00:00Z",
        VersionMetaFields.TTL_SECONDS, Long.toString(PUBLISH_TTL.toSeconds())));
    redis.pexpire(Keyspace.versionMeta(version), ms);
    redis.zadd(Keyspace.versions(), publishedAtMs, version);
  }

  private void assertKeysLiveAboutPublishTtl(String version) {
    for (String key : redis.keys(Keyspace.versionPattern(version))) {
      assertThat(redis.pttl(key)).as(key).isBetween(PUBLISH_TTL.minusMinutes(1).toMillis(), PUBLISH_TTL.toMillis());
    }
    assertThat(redis.keys(Keyspace.versionPattern(version))).hasSize(4);
  }

  @Test
  void activatingExtendsAllTheVersionsKeysToItsPublishTtl() throws Exception {
    publishedLongAgo(OLD, 1_000, Duration.ofHours(2));

    HttpResponse<String> res = admin("/v1/admin/models/" + OLD + "/activate");

    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(OLD);
    assertKeysLiveAboutPublishTtl(OLD);
  }

  @Test
  void refusesAVersionAboutToExpireWith409() throws Exception {
    publishedLongAgo(OLD, 1_000, Duration.ofMinutes(30));

    HttpResponse<String> res = admin("/v1/admin/models/" + OLD + "/activate");

    assertThat(res.statusCode()).isEqualTo(409);
    assertThat(json.readTree(res.body()).get("error").asString()).contains(OLD + " expires in").contains("margin");
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(VERSION);
    HttpResponse<String> rollback = admin("/v1/admin/models/rollback");
    assertThat(rollback.statusCode()).isEqualTo(409);
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(VERSION);
  }

  @Test
  void listsEachVersionsValidationFiguresAndGateVerdict() throws Exception {
    publishedLongAgo(OLD, 1_000, Duration.ofDays(6));
    // what reco publish writes after its quality gate (publish.PublishJob)
    redis.hset(Keyspace.versionMeta(OLD), Map.of(
        VersionMetaFields.VALIDATION_CUT_OFF, "2026-10-30T23:59:49Z",
        VersionMetaFields.VALIDATION_HR10, "0.5431",
        VersionMetaFields.VALIDATION_MRR10, "0.4030",
        VersionMetaFields.VALIDATION_COVERAGE10, "0.61",
        VersionMetaFields.GATE, "refused: MRR@10 -66.7 %"));

    HttpResponse<String> res = send(HttpRequest.newBuilder(uri("/v1/admin/models"))
        .header(AdminApiKey.HEADER, ADMIN_KEY).GET());

    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    String body = res.body();
    assertThat(body).contains("\"" + VersionMetaFields.VALIDATION_CUT_OFF + "\":\"2026-10-30T23:59:49Z\"",
        "\"" + VersionMetaFields.VALIDATION_HR10 + "\":\"0.5431\"",
        "\"" + VersionMetaFields.VALIDATION_MRR10 + "\":\"0.4030\"",
        "\"" + VersionMetaFields.VALIDATION_COVERAGE10 + "\":\"0.61\"",
        "\"" + VersionMetaFields.GATE + "\":\"refused: MRR@10 -66.7 %\"");
  }

  @Test
  void switchesOnlyFromTheExpectedVersion() throws Exception {
    publishedLongAgo(OLD, 1_000, Duration.ofDays(6));

    HttpResponse<String> stale = admin("/v1/admin/models/" + OLD + "/activate?expected=v-someone-elses");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(json.readTree(stale.body()).get("error").asString())
        .contains("expected v-someone-elses but it is " + VERSION);
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(VERSION);
    assertThat(admin("/v1/admin/models/" + OLD + "/activate?expected=bad%20name").statusCode()).isEqualTo(400);

    HttpResponse<String> ok = admin("/v1/admin/models/" + OLD + "/activate?expected=" + VERSION);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json.readTree(ok.body()).get("previous").asString()).isEqualTo(VERSION);
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(OLD);
  }

  @Test
  void keepAliveReExtendsTheActiveVersionBelowHalfItsPublishTtlOnce() {
    publishedLongAgo(OLD, 1_000, Duration.ofDays(4));
    redis.set(Keyspace.activeVersion(), OLD);
    assertThat(keepAlive.check()).as("4 of 7 days left: nothing to do").isZero();
    assertThat(redis.pttl(Keyspace.popularList(OLD))).isLessThanOrEqualTo(Duration.ofDays(4).toMillis());

    publishedLongAgo(OLD, 1_000, Duration.ofDays(3));
    // another instance holds the lock: this one leaves the keys alone
    redis.psetex(Keyspace.keepAliveLock(), 60_000, "other-instance");
    assertThat(keepAlive.check()).isZero();
    assertThat(redis.pttl(Keyspace.popularList(OLD))).isLessThanOrEqualTo(Duration.ofDays(3).toMillis());
    assertThat(redis.get(Keyspace.keepAliveLock())).isEqualTo("other-instance");

    redis.del(Keyspace.keepAliveLock());
    assertThat(keepAlive.check()).isEqualTo(4);
    assertKeysLiveAboutPublishTtl(OLD);
    assertThat(redis.exists(Keyspace.keepAliveLock())).as("lock released").isFalse();
  }

  private HttpResponse<String> admin(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header(AdminApiKey.HEADER, ADMIN_KEY)
        .method("POST", HttpRequest.BodyPublishers.noBody()));
  }
}
