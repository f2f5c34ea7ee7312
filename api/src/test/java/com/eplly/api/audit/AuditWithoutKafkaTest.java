package com.eplly.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.admin.AdminApiKey;
import com.eplly.api.support.BrokerDownStackTest;
import com.eplly.contracts.redis.Keyspace;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Kafka unreachable: an admin action is still carried out (the levers of an incident must not
 * depend on Kafka), and its audit record, which cannot be delivered, is counted for an alert (and
 * logged whole at ERROR) rather than lost silently.
 */
class AuditWithoutKafkaTest extends BrokerDownStackTest {

  @Test
  void theActionIsDoneAndTheUndeliveredRecordCounted() throws Exception {
    HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/v1/admin/rules"))
        .header(AdminApiKey.HEADER, ADMIN_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"block\",\"article\":\"n1\",\"createdBy\":\"desk\"}")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(redis.hlen(Keyspace.editorialRules())).isEqualTo(1);
    assertThat(management("/actuator/prometheus").body()).containsPattern("(?m)^eplly_audit_undelivered_total(\\{[^}]*\\})? 1\\.0$");
  }
}
