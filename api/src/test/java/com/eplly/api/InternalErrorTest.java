package com.eplly.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.BrokerDownStackTest;
import com.eplly.contracts.redis.Keyspace;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A bug on the recommendation path (not a Redis failure) is a 500 with a request id and a counted
 * error, not a "degraded" 200 that hides it. (Redis failures still degrade: RedisOutageTest.)
 */
class InternalErrorTest extends BrokerDownStackTest {

  @Test
  void aBugIsA500WithARequestIdAndACountNotADegradedAnswer() throws Exception {
    redis.zadd(Keyspace.coVisits("bugged"), Map.of(BUG_ARTICLE, 5.0));
    double before = errors();

    HttpResponse<String> res = get("/v1/recommendations?articleId=bugged");

    assertThat(res.statusCode()).isEqualTo(500);
    JsonNode body = json.readTree(res.body());
    assertThat(body.get("error").asString()).isEqualTo("internal error");
    String requestId = body.get("requestId").asString();
    assertThat(UUID.fromString(requestId)).isNotNull();
    assertThat(res.headers().firstValue("X-Request-Id")).contains(requestId);
    assertThat(res.body()).doesNotContain("planted bug").doesNotContain("degraded");
    assertThat(errors() - before).isEqualTo(1.0);

    // other requests are unaffected, and each gets its own id
    HttpResponse<String> fine = get("/v1/recommendations?articleId=cur");
    assertThat(fine.statusCode()).isEqualTo(200);
    assertThat(json.readTree(fine.body()).get("degraded").asBoolean()).isFalse();
    assertThat(fine.headers().firstValue("X-Request-Id")).isPresent().get().isNotEqualTo(requestId);
  }

  private double errors() throws Exception {
    String body = management("/actuator/prometheus").body();
    Matcher m = Pattern.compile("(?m)^eplly_api_errors_total\\{[^}]*exception=\"java.lang.IllegalStateException\"[^}]*\\} ([0-9.eE+-]+)$")
        .matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
  }
}
