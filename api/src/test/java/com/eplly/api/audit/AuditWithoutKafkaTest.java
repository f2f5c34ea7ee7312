package com.eplly.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.admin.AdminApiKey;
import com.eplly.api.support.BrokerDownStackTest;
import com.eplly.contracts.redis.Keyspace;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kafka unreachable: an admin action is still carried out (the levers of an incident must not
 * depend on Kafka), and its audit record, which cannot be delivered, is counted for an alert (and
 * logged whole at ERROR) rather than lost silently.
 */
class AuditWithoutKafkaTest extends BrokerDownStackTest {

  private static final Pattern UNDELIVERED = Pattern.compile("(?m)^eplly_audit_undelivered_total(?:\\{[^}]*\\})? (\\S+)$");

  @Test
  void theActionIsDoneAndTheUndeliveredRecordCounted() throws Exception {
    HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/v1/admin/rules"))
        .header(AdminApiKey.HEADER, ADMIN_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"block\",\"article\":\"n1\",\"createdBy\":\"desk\"}")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(redis.hlen(Keyspace.editorialRules())).isEqualTo(1);
    // the record is sent once the answer is written, which a caller may have read by then
    assertThat(awaitUndelivered(1.0, Duration.ofSeconds(10))).isEqualTo(1.0);
  }

  private double awaitUndelivered(double wanted, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    double count;
    do {
      Matcher m = UNDELIVERED.matcher(management("/actuator/prometheus").body());
      count = m.find() ? Double.parseDouble(m.group(1)) : 0;
      if (count < wanted) {
        Thread.sleep(100);
      }
    } while (count < wanted && System.nanoTime() < deadline);
    return count;
  }
}
