package com.eplly.api.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.eplly.api.errors.InternalErrors;
import com.eplly.api.errors.RequestIdFilter;
import com.eplly.api.support.BoundProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/recommendations} as web behaviour, with the service replaced: parameter errors,
 * a bug turned into a counted 500 with a request id, CORS, and how an answer (degraded or not) is
 * written, through the request-id filter as in the running api. What the service reads from
 * Redis: ApiIntegrationTest, RedisOutageTest.
 */
class RecommendationServletTest {

  private static final String REQUEST = "5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
  private static final RecommendedItem N1 =
      new RecommendedItem("n1", "Headline \"n1\" é", "https://news.example/n1", 0.9, "read-together");

  private final JsonMapper json = JsonMapper.builder().build();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RecommendationService service = mock(RecommendationService.class);
  private final ServedEventPublisher served = mock(ServedEventPublisher.class);
  private final RecommendationServlet servlet = new RecommendationServlet(
      service, served, BoundProperties.bind(Map.of()), new InternalErrors(meters), json);

  @Test
  void rejectsBadParametersWithAMessage() throws Exception {
    assertError(get("limit=3"), 400, "at least one of");
    assertError(get("articleId=cur&limit=500"), 400, "limit");
    assertError(get("articleId=a b"), 400, "articleId");
    verifyNoInteractions(service, served);
  }

  @Test
  void aBugIsA500WithARequestIdAndACountNotADegradedAnswer() throws Exception {
    when(service.recommend(any())).thenThrow(new IllegalStateException("planted bug"));

    MockHttpServletResponse res = get("articleId=bugged");

    assertError(res, 500, "internal error");
    String body = res.getContentAsString();
    String requestId = json.readTree(body).get("requestId").asString();
    assertThat(UUID.fromString(requestId)).isNotNull();
    assertThat(res.getHeader(RequestIdFilter.HEADER)).isEqualTo(requestId);
    assertThat(body).doesNotContain("planted bug").doesNotContain("degraded");
    assertThat(meters.counter("eplly.api.errors", "exception", IllegalStateException.class.getName()).count())
        .isEqualTo(1.0);
  }

  @Test
  void eachRequestGetsItsOwnIdAndAnAnswerNoSharedCacheKeeps() throws Exception {
    when(service.recommend(any())).thenReturn(new RecommendationResponse(REQUEST, List.of(N1), "v-1", false, null, null));

    MockHttpServletResponse first = get("articleId=cur");
    MockHttpServletResponse second = get("articleId=cur");

    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(first.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(first.getContentType()).startsWith("application/json");
    assertThat(first.getHeader(RequestIdFilter.HEADER)).isNotNull()
        .isNotEqualTo(second.getHeader(RequestIdFilter.HEADER));
  }

  @Test
  void theAnswerIsTheDocumentDataBindingWritesAndIsPublishedAsServed() throws Exception {
    RecommendationResponse answer = new RecommendationResponse(REQUEST,
        List.of(N1, new RecommendedItem("t1", "T", "https://news.example/t1", 10.0, "trending")), "v-1", false,
        "exp-1", "B");
    when(service.recommend(any())).thenReturn(answer);

    MockHttpServletResponse res = get("articleId=cur&readerId=r-1");

    assertThat(res.getContentAsByteArray()).isEqualTo(json.writeValueAsBytes(answer));
    assertThat(res.getContentLength()).isEqualTo(res.getContentAsByteArray().length);
    verify(served).publish(argThat(q -> "cur".equals(q.articleId()) && "r-1".equals(q.readerId())), eq(answer));
  }

  @Test
  void aDegradedAnswerIsA200MarkedDegradedWithNullsWritten() throws Exception {
    RecommendationResponse answer = new RecommendationResponse(REQUEST, List.of(N1), null, true, null, null);
    when(service.recommend(any())).thenReturn(answer);

    MockHttpServletResponse res = get("articleId=cur&readerId=r-1");

    assertThat(res.getStatus()).isEqualTo(200);
    JsonNode body = json.readTree(res.getContentAsString());
    assertThat(body.get("degraded").asBoolean()).isTrue();
    assertThat(body.get("modelVersion").isNull()).isTrue();
    assertThat(res.getContentAsByteArray()).isEqualTo(json.writeValueAsBytes(answer));
  }

  @Test
  void pagesOfAnyOriginMayReadButNotPost() throws Exception {
    when(service.recommend(any())).thenReturn(new RecommendationResponse(REQUEST, List.of(), "v-1", false, null, null));

    MockHttpServletRequest read = request("GET", "articleId=cur");
    read.addHeader("Origin", "https://portal.example");
    MockHttpServletResponse res = run(read);
    assertThat(res.getStatus()).isEqualTo(200);
    assertThat(res.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");

    MockHttpServletResponse post = run(request("POST", "articleId=cur"));
    assertError(post, 405, "method POST");
    assertThat(post.getHeader("Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void aReadOriginListIsEnforced() throws Exception {
    RecommendationServlet strict = new RecommendationServlet(service, served,
        BoundProperties.bind(Map.of("eplly.widget.read-origins", "https://portal.example")),
        new InternalErrors(meters), json);
    MockHttpServletRequest foreign = request("GET", "articleId=cur");
    foreign.addHeader("Origin", "https://elsewhere.example");
    MockHttpServletResponse res = new MockHttpServletResponse();

    strict.service(foreign, res);

    assertThat(res.getStatus()).isEqualTo(403);
    verifyNoInteractions(service);
  }

  private MockHttpServletResponse get(String query) throws Exception {
    return run(request("GET", query));
  }

  private static MockHttpServletRequest request(String method, String query) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, RecommendationServlet.PATH);
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      request.addParameter(kv[0], kv[1]);
    }
    return request;
  }

  private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new MockFilterChain(servlet, new RequestIdFilter()).doFilter(request, response);
    return response;
  }

  private void assertError(MockHttpServletResponse res, int status, String message) throws Exception {
    assertThat(res.getStatus()).isEqualTo(status);
    assertThat(json.readTree(res.getContentAsString()).get("error").asString()).contains(message);
  }
}
