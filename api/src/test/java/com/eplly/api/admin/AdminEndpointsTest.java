package com.eplly.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.VersionMetaFields;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/admin/models} on the running api: key checks, listing with meta, activate and
 * rollback with the recommender CLI's rules (only versions whose meta still exists).
 */
class AdminEndpointsTest extends LiveStackTest {

  private static final String OLDEST = "v-it-0";
  private static final String EXPIRED = "v-it-0b";

  @BeforeEach
  void seed() {
    seedFixture();
    long now = System.currentTimeMillis();
    // published before VERSION: OLDEST still has its meta, EXPIRED (newer than OLDEST) lost it
    redis.zadd(Keyspace.versions(), now - 300_000, OLDEST);
    redis.hset(Keyspace.versionMeta(OLDEST), Map.of(VersionMetaFields.CREATED, "2025-12-31T00:00:00Z", VersionMetaFields.EVENTS, "1234"));
    redis.zadd(Keyspace.versions(), now - 200_000, EXPIRED);
    redis.del(Keyspace.versionMeta(EXPIRED));
  }

  @Test
  void listsVersionsNewestFirstWithMetaAndTheActiveOneMarked() throws Exception {
    HttpResponse<String> res = admin("GET", "/v1/admin/models", ADMIN_KEY);

    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(res.body());
    assertThat(body.get("active").asString()).isEqualTo(VERSION);
    List<String> rows = new ArrayList<>();
    for (JsonNode v : body.get("versions")) {
      rows.add(v.get("version").asString() + " active=" + v.get("active").asBoolean()
          + " expired=" + v.get("expired").asBoolean());
    }
    assertThat(rows).containsExactly(
        VERSION + " active=true expired=false",
        EXPIRED + " active=false expired=true",
        OLDEST + " active=false expired=false");
    assertThat(body.get("versions").get(2).get("meta").get("events").asString()).isEqualTo("1234");
  }

  @Test
  void activatesAPublishedVersionAndServesItAtOnce() throws Exception {
    HttpResponse<String> res = admin("POST", "/v1/admin/models/" + OLDEST + "/activate", ADMIN_KEY);

    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(res.body());
    assertThat(body.get("active").asString()).isEqualTo(OLDEST);
    assertThat(body.get("previous").asString()).isEqualTo(VERSION);
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(OLDEST);
    assertThat(json.readTree(get("/v1/recommendations?articleId=cur").body()).get("modelVersion").asString())
        .isEqualTo(OLDEST);
  }

  @Test
  void refusesToActivateAnExpiredOrUnknownVersion() throws Exception {
    HttpResponse<String> expired = admin("POST", "/v1/admin/models/" + EXPIRED + "/activate", ADMIN_KEY);
    assertThat(expired.statusCode()).isEqualTo(404);
    assertThat(json.readTree(expired.body()).get("error").asString()).contains("expired");
    assertThat(admin("POST", "/v1/admin/models/bad%20name/activate", ADMIN_KEY).statusCode()).isEqualTo(400);
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(VERSION);
  }

  @Test
  void rollsBackPastAnExpiredVersionThenHasNothingLeft() throws Exception {
    HttpResponse<String> first = admin("POST", "/v1/admin/models/rollback", ADMIN_KEY);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json.readTree(first.body()).get("active").asString()).isEqualTo(OLDEST);
    assertThat(activeVersion.current()).isEqualTo(OLDEST);

    HttpResponse<String> second = admin("POST", "/v1/admin/models/rollback", ADMIN_KEY);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(json.readTree(second.body()).get("error").asString()).contains("nothing to roll back to");
    assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(OLDEST);
  }

  private HttpResponse<String> admin(String method, String path, String key) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header(AdminApiKey.HEADER, key)
        .method(method, HttpRequest.BodyPublishers.noBody()));
  }
}
