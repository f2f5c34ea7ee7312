package com.eplly.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.admin.AdminApiKey;
import com.eplly.api.support.BrokerDownStackTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Kafka unreachable: an erasure is refused with 503 and Retry-After (nothing accepted, nothing lost), promptly. */
class ErasureKafkaDownTest extends BrokerDownStackTest {

  @Test
  void anErasureIsRefusedWhenKafkaIsDown() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> res = send(HttpRequest.newBuilder(uri("/v1/admin/readers/r-1"))
        .header(AdminApiKey.HEADER, ADMIN_KEY).DELETE());
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("ERASURE KAFKA DOWN: 503 after %d ms%n", tookMs);

    assertThat(res.statusCode()).isEqualTo(503);
    assertThat(json.readTree(res.body()).get("error").asString()).contains("nothing was erased");
    assertThat(res.headers().firstValue("Retry-After")).isPresent();
    // the publisher's own bound; the producer gives up on metadata long before (max.block.ms)
    assertThat(Duration.ofMillis(tookMs)).isLessThan(ErasurePublisher.ACK_TIMEOUT.plusSeconds(1));
  }
}
