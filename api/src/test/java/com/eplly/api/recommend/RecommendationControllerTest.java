package com.eplly.api.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eplly.api.errors.RequestIdFilter;
import com.eplly.api.support.WebSlice;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/recommendations} as web behaviour, with the service replaced: parameter errors,
 * a bug turned into a counted 500 with a request id, and how an answer (degraded or not) is
 * written. What the service reads from Redis: ApiIntegrationTest, RedisOutageTest.
 */
@WebMvcTest(RecommendationController.class)
@Import(WebSlice.class)
class RecommendationControllerTest {

  private static final String REQUEST = "5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired MeterRegistry meters;
  @MockitoBean RecommendationService service;
  @MockitoBean ServedEventPublisher served;

  @Test
  void rejectsBadParametersWithAMessage() throws Exception {
    mvc.perform(get("/v1/recommendations?limit=3"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("at least one of")));
    mvc.perform(get("/v1/recommendations?articleId=cur&limit=500"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("limit")));
    mvc.perform(get("/v1/recommendations?articleId=a%20b"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(startsWith("articleId")));
    verifyNoInteractions(service);
  }

  @Test
  void aBugIsA500WithARequestIdAndACountNotADegradedAnswer() throws Exception {
    when(service.recommend(any())).thenThrow(new IllegalStateException("planted bug"));

    MvcResult res = mvc.perform(get("/v1/recommendations?articleId=bugged"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.error").value("internal error"))
        .andReturn();

    String body = res.getResponse().getContentAsString();
    String requestId = json.readTree(body).get("requestId").asString();
    assertThat(UUID.fromString(requestId)).isNotNull();
    assertThat(res.getResponse().getHeader(RequestIdFilter.HEADER)).isEqualTo(requestId);
    assertThat(body).doesNotContain("planted bug").doesNotContain("degraded");
    assertThat(meters.counter("eplly.api.errors", "exception", IllegalStateException.class.getName()).count())
        .isEqualTo(1.0);
  }

  @Test
  void eachRequestGetsItsOwnIdAndAnAnswerNoSharedCacheKeeps() throws Exception {
    when(service.recommend(any())).thenReturn(new RecommendationResponse(REQUEST,
        List.of(new RecommendedItem("n1", "Headline n1", "https://news.example/n1", 0.9, "read-together")),
        "v-1", false, null, null));

    MvcResult first = mvc.perform(get("/v1/recommendations?articleId=cur"))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(jsonPath("$.degraded").value(false))
        .andExpect(jsonPath("$.items[0].reason").value("read-together"))
        .andReturn();
    MvcResult second = mvc.perform(get("/v1/recommendations?articleId=cur")).andReturn();

    assertThat(first.getResponse().getHeader(RequestIdFilter.HEADER)).isNotNull()
        .isNotEqualTo(second.getResponse().getHeader(RequestIdFilter.HEADER));
  }

  @Test
  void theAnswerCarriesItsRequestIdAndArmSlotsAndIsPublishedAsServed() throws Exception {
    RecommendationResponse answer = new RecommendationResponse(REQUEST,
        List.of(new RecommendedItem("n1", "Headline n1", "https://news.example/n1", 0.9, "read-together")),
        "v-1", false, null, null);
    when(service.recommend(any())).thenReturn(answer);

    mvc.perform(get("/v1/recommendations?articleId=cur&readerId=r-1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.requestId").value(REQUEST))
        .andExpect(jsonPath("$.experiment").isEmpty())
        .andExpect(jsonPath("$.arm").isEmpty());

    verify(served).publish(argThat(q -> "cur".equals(q.articleId()) && "r-1".equals(q.readerId())), eq(answer));
  }

  @Test
  void aDegradedAnswerIsA200MarkedDegraded() throws Exception {
    when(service.recommend(any())).thenReturn(new RecommendationResponse(REQUEST,
        List.of(new RecommendedItem("t1", "Headline t1", "https://news.example/t1", 10.0, "trending")),
        "v-1", true, null, null));

    String body = mvc.perform(get("/v1/recommendations?articleId=cur&readerId=r-1"))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    JsonNode answer = json.readTree(body);
    assertThat(answer.get("degraded").asBoolean()).isTrue();
    assertThat(answer.get("modelVersion").asString()).isEqualTo("v-1");
    assertThat(answer.get("items").get(0).get("articleId").asString()).isEqualTo("t1");
  }

  @Test
  void pagesOfAnyOriginMayReadRecommendations() throws Exception {
    when(service.recommend(any())).thenReturn(new RecommendationResponse(REQUEST, List.of(), "v-1", false, null, null));

    mvc.perform(get("/v1/recommendations?articleId=cur").header("Origin", "https://portal.example"))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", "*"));
  }
}
