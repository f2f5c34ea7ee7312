package com.eplly.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.admin.AdminApiKey;
import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.audit.AuditEvent;
import com.eplly.contracts.audit.AuditEventJson;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.VersionMetaFields;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every admin mutation of the running api (models, experiments, rules, erasures) lands exactly once
 * on the real audit topic, under the name of the key that made it, with its action, target and
 * status; reads and requests with a wrong key leave nothing. Then {@code GET /v1/admin/audit} shows
 * what ingest copied into Redis, newest first.
 */
class AuditTrailTest extends LiveStackTest {

  private static final String OLDER = "v-audit-0";
  private static final String EXPERIMENT = "audit-ab";
  private static final AuditEventJson AUDIT_JSON = new AuditEventJson();

  /** requestId of each audited answer, with what its record must say. */
  private final Map<String, String> expected = new LinkedHashMap<>();
  /** requestIds that must leave no record. */
  private final List<String> unaudited = new ArrayList<>();

  @BeforeEach
  void seed() {
    seedFixture();
    redis.zadd(Keyspace.versions(), System.currentTimeMillis() - 300_000, OLDER);
    redis.hset(Keyspace.versionMeta(OLDER), Map.of(VersionMetaFields.CREATED, "2025-12-31T00:00:00Z"));
    redis.set(Keyspace.popularList(OLDER), "[]");
  }

  @Test
  void everyMutationIsOneRecordUnderItsKeysName() throws Exception {
    audited(admin("POST", "/v1/admin/models/" + OLDER + "/activate", CI_KEY, null), "ci model.activate " + OLDER + " 200");
    audited(admin("POST", "/v1/admin/models/rollback", ADMIN_KEY, null), "admin model.rollback null 409");
    audited(admin("POST", "/v1/admin/experiments", CI_KEY, """
        {"name":"%s","unit":"reader","arms":[{"name":"A","version":"%s","share":50},{"name":"B","policy":"popular","share":50}]}
        """.formatted(EXPERIMENT, OLDER)), "ci experiment.start " + EXPERIMENT + " 201");
    audited(admin("POST", "/v1/admin/experiments/" + EXPERIMENT + "/promote?arm=A", ADMIN_KEY, null),
        "admin experiment.promote " + EXPERIMENT + " 409");
    audited(admin("POST", "/v1/admin/experiments/" + EXPERIMENT + "/stop", ADMIN_KEY, null),
        "admin experiment.stop " + EXPERIMENT + " 200");
    HttpResponse<String> rule = admin("POST", "/v1/admin/rules", CI_KEY,
        "{\"kind\":\"block\",\"article\":\"n1\",\"createdBy\":\"desk\"}");
    String ruleId = json.readTree(rule.body()).get("id").asString();
    audited(rule, "ci rule.create " + ruleId + " 201");
    audited(admin("DELETE", "/v1/admin/rules/" + ruleId, ADMIN_KEY, null), "admin rule.delete " + ruleId + " 200");
    audited(admin("POST", "/v1/admin/rules", CI_KEY, "{\"kind\":\"nonsense\"}"), "ci rule.create null 400");
    audited(admin("DELETE", "/v1/admin/readers/r-audit-1", CI_KEY, null), "ci reader.erase r-audit-1 202");

    unaudited(admin("GET", "/v1/admin/models", CI_KEY, null), 200);
    unaudited(admin("GET", "/v1/admin/experiments", ADMIN_KEY, null), 200);
    unaudited(admin("POST", "/v1/admin/models/rollback", "wrong-key", null), 401);
    unaudited(admin("DELETE", "/v1/admin/rules/" + ruleId, null, null), 401);

    List<AuditEvent> records = readAudit(
        read -> read.stream().map(AuditEvent::requestId).collect(Collectors.toSet()).containsAll(expected.keySet()),
        Duration.ofSeconds(30));
    Map<String, List<AuditEvent>> byRequest = records.stream().collect(Collectors.groupingBy(AuditEvent::requestId));
    expected.forEach((requestId, summary) -> {
      assertThat(byRequest.get(requestId)).as(summary).hasSize(1);
      AuditEvent e = byRequest.get(requestId).get(0);
      assertThat(e.actor() + " " + e.action() + " " + e.target() + " " + e.status()).isEqualTo(summary);
    });
    assertThat(byRequest.keySet()).doesNotContainAnyElementsOf(unaudited);
    AuditEvent promote = byRequest.get(new ArrayList<>(expected.keySet()).get(3)).get(0);
    assertThat(promote.details()).containsEntry("arm", "A");
    assertThat(promote.path()).isEqualTo("/v1/admin/experiments/" + EXPERIMENT + "/promote");
  }

  @Test
  void theConsoleEndpointListsWhatIngestKeptNewestFirst() throws Exception {
    audited(admin("POST", "/v1/admin/models/" + OLDER + "/activate", CI_KEY, null), "ci model.activate " + OLDER + " 200");
    audited(admin("POST", "/v1/admin/models/rollback", ADMIN_KEY, null), "admin model.rollback null 409");
    // ingest's part (AuditLakeTest): the records, as the topic holds them, into the sorted set
    List<AuditEvent> records = readAudit(read -> read.stream().map(AuditEvent::requestId).toList()
        .containsAll(expected.keySet()), Duration.ofSeconds(30));
    for (AuditEvent e : records) {
      if (expected.containsKey(e.requestId())) {
        redis.zadd(Keyspace.auditRecent(), e.at(), new String(AUDIT_JSON.write(e), StandardCharsets.UTF_8));
      }
    }

    HttpResponse<String> recent = admin("GET", "/v1/admin/audit?limit=1", CI_KEY, null);
    assertThat(recent.statusCode()).isEqualTo(200);
    assertThat(json.readTree(recent.body())).hasSize(1);
    assertThat(json.readTree(recent.body()).get(0).get("action").asString()).isEqualTo("model.rollback");
    assertThat(json.readTree(admin("GET", "/v1/admin/audit", CI_KEY, null).body()).get(1).get("actor").asString())
        .isEqualTo("ci");
    assertThat(admin("GET", "/v1/admin/audit?limit=0", CI_KEY, null).statusCode()).isEqualTo(400);
    assertThat(admin("GET", "/v1/admin/audit", "wrong-key", null).statusCode()).isEqualTo(401);
  }

  private void audited(HttpResponse<String> answer, String summary) {
    expected.put(requestId(answer), summary);
  }

  private void unaudited(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).isEqualTo(status);
    unaudited.add(requestId(answer));
  }

  private static String requestId(HttpResponse<String> answer) {
    return answer.headers().firstValue("X-Request-Id").orElseThrow();
  }

}
