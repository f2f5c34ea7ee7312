package com.eplly.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.redis.Keyspace;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A reader's export on the running api and a real redis-server: every key an erasure would delete, with its value. */
class ExportApiTest extends LiveStackTest {

  @BeforeEach
  void seed() {
    seedFixture(); // r-1: recent reads and a list in the fixture version
    redis.zadd(Keyspace.readerSessions("r-1"), 1.0, "s-1");
    redis.lpush(Keyspace.sessionRecent("s-1"), "n1", "n2");
    redis.expire(Keyspace.sessionRecent("s-1"), 3_600);
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
    assertThat(body.get("lake").asString()).contains("reco export --reader");
  }

  @Test
  void anUnknownReaderHasNothingABadIdIsRefusedAndTheKeyIsRequired() throws Exception {
    HttpResponse<String> unknown = export("r-nobody", ADMIN_KEY);
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(json.readTree(unknown.body()).get("redis").size()).isZero();

    assertThat(export("not%20an%20id", ADMIN_KEY).statusCode()).isEqualTo(400);
    assertThat(export("r-1", "wrong").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> export(String reader, String key) throws Exception {
    return admin("GET", "/v1/admin/readers/" + reader + "/export", key, null);
  }
}
