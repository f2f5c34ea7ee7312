package com.eplly.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Operations surface: the OpenAPI description, Swagger UI and the Prometheus meters. */
class OperationsTest extends LiveStackTest {

  @BeforeEach
  void seed() {
    seedFixture();
  }

  @Test
  void describesEveryEndpointInOpenApi() throws Exception {
    HttpResponse<String> res = get("/v3/api-docs");

    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode paths = json.readTree(res.body()).get("paths");
    assertThat(paths.propertyNames()).contains(
        "/v1/recommendations", "/v1/events", "/v1/articles", "/v1/articles/{id}",
        "/v1/admin/models", "/v1/admin/models/{version}/activate", "/v1/admin/models/rollback");
    assertThat(res.body()).contains("X-Api-Key");
    assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
  }

  @Test
  void countsImpressionsAndSuggestionClicksForClickThrough() throws Exception {
    double impressionsBefore = metric("eplly_suggestions_impressions_total");
    double clicksBefore = metric("eplly_suggestions_clicks_total");

    JsonNode body = json.readTree(get("/v1/recommendations?articleId=cur&limit=3").body());
    int served = body.get("items").size();
    String clicked = body.get("items").get(0).get("articleId").asString();
    EventCodec codec = new EventCodec(Clock.systemUTC());
    long now = System.currentTimeMillis();
    // one click on a suggestion (it carries the referrer), one plain page view (it does not)
    assertThat(post("/v1/events", new String(codec.encode(new PageView(UUID.randomUUID().toString(),
        "r-ctr", clicked, "s-ctr", now, "cur", null)), StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
    assertThat(post("/v1/events", new String(codec.encode(new PageView(UUID.randomUUID().toString(),
        "r-ctr", "cur", "s-ctr", now, null, null)), StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);

    assertThat(served).isEqualTo(3);
    assertThat(metric("eplly_suggestions_impressions_total") - impressionsBefore).isEqualTo(served);
    assertThat(metric("eplly_suggestions_clicks_total") - clicksBefore).isEqualTo(1.0);
    String prometheus = management("/actuator/prometheus").body();
    assertThat(prometheus)
        .contains("eplly_recommendations_latency_seconds_bucket{le=")
        .contains("eplly_recommendations_degraded_total")
        .contains("eplly_recommendations_items_total{source=\"popular\"}")
        // the endpoint's own histogram replaces Spring's generic per-request observation there
        .contains("http_server_requests_seconds_count{")
        .doesNotContain("uri=\"/v1/recommendations\"");
  }

  private double metric(String name) throws Exception {
    String body = management("/actuator/prometheus").body();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
    assertThat(m.find()).as(name + " in /actuator/prometheus").isTrue();
    return Double.parseDouble(m.group(1));
  }
}
