package com.eplly.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.admin.AdminApiKey;
import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.contracts.privacy.ReaderErasureJson;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code DELETE /v1/admin/readers/{id}} on the running api with a real broker: 202 with the erasure
 * once the erasures topic holds it (keyed by reader), 400 for an id events would refuse, and the
 * admin key's 401 and 403 like every admin path.
 */
class ErasureApiTest extends LiveStackTest {

  private final ReaderErasureJson erasures = new ReaderErasureJson();

  @Test
  void anErasureIsAcceptedOnceTheTopicHoldsIt() throws Exception {
    long before = System.currentTimeMillis();
    HttpResponse<String> res = delete("/v1/admin/readers/reader-42.x:y", CI_KEY);

    assertThat(res.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(res.body());
    assertThat(body.get("readerId").asString()).isEqualTo("reader-42.x:y");
    assertThat(body.get("requestedBy").asString()).isEqualTo("ci"); // the name of the key that asked
    assertThat(body.get("erasedAt").asLong()).isBetween(before, System.currentTimeMillis());

    ConsumerRecord<String, byte[]> record = awaitRecord(Topics.ERASURES,
        bytes -> new String(bytes, StandardCharsets.UTF_8).contains("reader-42.x:y"), Duration.ofSeconds(30));
    assertThat(record.key()).isEqualTo("reader-42.x:y");
    ReaderErasure published = ((Decoded.Valid<ReaderErasure>) erasures.read(record.value())).value();
    assertThat(published).isEqualTo(new ReaderErasure("reader-42.x:y", body.get("erasedAt").asLong(), "ci"));
  }

  @Test
  void anIdEventsWouldRefuseIsABadRequestWithTheReason() throws Exception {
    HttpResponse<String> res = delete("/v1/admin/readers/not%20an%20id", ADMIN_KEY);

    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(json.readTree(res.body()).get("error").asString())
        .contains("readerId must be 1-128 characters of [A-Za-z0-9._:-]").contains("not an id");
  }

  @Test
  void withoutTheAdminKeyNothingIsErased() throws Exception {
    assertThat(delete("/v1/admin/readers/r-1", null).statusCode()).isEqualTo(401);
    assertThat(delete("/v1/admin/readers/r-1", "wrong-key").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> delete(String path, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
    if (key != null) {
      request.header(AdminApiKey.HEADER, key);
    }
    return send(request);
  }
}
