package com.eplly.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LakeFixture;
import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.redis.Keyspace;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A reader's export on the running api, a real redis-server and a small lake ({@link LakeFixture}):
 * every key an erasure would delete, with its value, and the reader's lake records, erasures applied.
 */
class ExportApiTest extends LiveStackTest {

  @BeforeEach
  void seed() {
    seedFixture(); // r-1: recent reads and a list in the fixture version
    redis.zadd(Keyspace.readerSessions("r-1"), 1.0, "s-1");
    redis.lpush(Keyspace.sessionRecent("s-1"), "n1", "n2");
    redis.expire(Keyspace.sessionRecent("s-1"), 3_600);
    LakeFixture.write(LAKE);
  }

  @Test
  void listsEveryKeyOfTheReaderWithItsValue() throws Exception {
    HttpResponse<String> res = export("r-1", ADMIN_KEY);

    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode body = json.readTree(res.body());
    assertThat(body.get("readerId").asString()).isEqualTo("r-1");
    Map<String, JsonNode> byKey = new HashMap<>();
    body.get("redis").forEach(k -> byKey.put(k.get("key").asString(), k));
    assertThat(byKey).containsOnlyKeys(Keyspace.readerRecent("r-1"), Keyspace.readerSessions("r-1"),
        Keyspace.sessionRecent("s-1"), Keyspace.readerList(VERSION, "r-1"));
    assertThat(byKey.get(Keyspace.readerRecent("r-1")).get("value").get(0).asString()).isEqualTo("read1");
    assertThat(byKey.get(Keyspace.sessionRecent("s-1")).get("type").asString()).isEqualTo("list");
    assertThat(byKey.get(Keyspace.sessionRecent("s-1")).get("ttlSeconds").asLong()).isBetween(1L, 3_600L);
    assertThat(byKey.get(Keyspace.readerSessions("r-1")).get("value").get("s-1").asDouble()).isEqualTo(1.0);
    assertThat(byKey.get(Keyspace.readerList(VERSION, "r-1")).get("value").asString()).contains("p1");
  }

  @Test
  void holdsTheReadersLakeRecordsOnceEachFromParquetAndJsonlAndNobodyElses() throws Exception {
    HttpResponse<String> res = export("r-1", ADMIN_KEY);

    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode lake = json.readTree(res.body()).get("lake");
    assertThat(lake.get("available").asBoolean()).isTrue();
    // e1 from the Parquet hour (and its replay in that hour's JSONL), e2 from three JSONL lines; not the _tmp- file's
    assertThat(ids(lake.get("pageViews"), "eventId")).containsExactly("e1", "e2");
    JsonNode e1 = lake.get("pageViews").get(0);
    assertThat(e1.has("position")).as("a field the event lacks is left out: %s", e1).isFalse();
    assertThat(e1.get("dwellMs").asLong()).isEqualTo(1000);
    JsonNode e2 = lake.get("pageViews").get(1);
    assertThat(e2.get("requestId").asString()).isEqualTo("q-1");
    assertThat(e2.get("position").asInt()).isEqualTo(2);
    assertThat(e2.get("referrerArticleId").asString()).isEqualTo("a-1");
    assertThat(ids(lake.get("impressions"), "kind")).containsExactly("served", "viewable");
    assertThat(lake.get("impressions").get(0).get("items").get(0).get("reason").asString()).isEqualTo("read-together");
    assertThat(lake.get("impressions").get(1).get("articleIds").get(0).asString()).isEqualTo("a-3");
    assertThat(lake.get("counts").get("pageViews").asLong()).isEqualTo(2);
    assertThat(lake.get("truncated").asBoolean()).isFalse();
    assertThat(lake.get("scannedFiles").get("parquet").asInt()).isEqualTo(1);
    assertThat(lake.get("scannedFiles").get("jsonl").asInt()).as("JSONL files with events, not the marker or the _tmp- file")
        .isEqualTo(6);
    assertThat(lake.has("erasedAt")).isFalse();
    assertThat(res.body()).doesNotContain("r-other", "r-gone", "\"o1\"", "\"tmp\"");
  }

  @Test
  void anErasedReadersPastIsNotExportedTheirEventsSinceAre() throws Exception {
    HttpResponse<String> res = export("r-gone", ADMIN_KEY);

    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode lake = json.readTree(res.body()).get("lake");
    assertThat(lake.get("erasedAt").asLong()).isEqualTo(LakeFixture.ERASED_AT);
    // g1 (Parquet) before the erasure, g2 at it: erased; g3 a millisecond later is new data
    assertThat(ids(lake.get("pageViews"), "eventId")).containsExactly("g3");
    assertThat(lake.get("impressions").size()).isZero();
    assertThat(lake.get("erasures").size()).isEqualTo(2);
    assertThat(ids(lake.get("audit"), "id")).containsExactly("x-1");
    assertThat(lake.get("audit").get(0).get("details").isObject()).as("details as the lake has them").isTrue();
    assertThat(res.body()).doesNotContain("r-other", "r-1\"");
  }

  @Test
  void anUnknownReaderHasNothingABadIdIsRefusedAndTheKeyIsRequired() throws Exception {
    HttpResponse<String> unknown = export("r-nobody", ADMIN_KEY);
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(json.readTree(unknown.body()).get("redis").size()).isZero();
    assertThat(json.readTree(unknown.body()).get("lake").get("pageViews").size()).isZero();

    assertThat(export("not%20an%20id", ADMIN_KEY).statusCode()).isEqualTo(400);
    assertThat(export("r-1", "wrong").statusCode()).isEqualTo(401);
  }

  private static List<String> ids(JsonNode records, String field) {
    List<String> ids = new ArrayList<>();
    records.forEach(r -> ids.add(r.get(field).asString()));
    return ids;
  }

  private HttpResponse<String> export(String reader, String key) throws Exception {
    return admin("GET", "/v1/admin/readers/" + reader + "/export", key, null);
  }
}
