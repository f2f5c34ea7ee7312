package com.eplly.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eplly.api.errors.UnavailableException;
import com.eplly.api.support.WebSlice;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code POST /v1/events} as web behaviour, with the Kafka publisher replaced: what is refused
 * with which status and message (400, 403, 413, 415, 429, 503), and what is accepted. Against a
 * real broker: ApiIntegrationTest; Kafka down: KafkaDownTest; bodies on a real socket:
 * EventBodyLimitsTest.
 */
@WebMvcTest(EventController.class)
@Import({WebSlice.class, EventCodecConfig.class, EventIntakeConfig.class})
class EventControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean PageViewPublisher publisher;

  @Test
  void acceptsAValidPageViewAndHandsItToThePublisher() throws Exception {
    String eventId = UUID.randomUUID().toString();

    mvc.perform(event("r-42", eventId))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.eventId").value(eventId));

    verify(publisher).publish(new PageView(eventId, "r-42", "cur", "s-1", WebSlice.NOW.toEpochMilli(), null, null));
  }

  @Test
  void rejectsAMalformedPageView() throws Exception {
    mvc.perform(events().contentType(MediaType.APPLICATION_JSON).content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(startsWith("malformed JSON")));
    mvc.perform(events().contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.error").value(containsString("application/json")));
    mvc.perform(events().contentType(MediaType.APPLICATION_JSON)
            .content("{\"eventId\":\"x\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("eventId must be a UUID")));
    verifyNoInteractions(publisher);
  }

  @Test
  void refusesPageViewsFromPagesOfOtherOrigins() throws Exception {
    // text/plain, as the widget and sendBeacon send it: no preflight, so only the server can refuse it
    mvc.perform(event("r-o", UUID.randomUUID().toString()).header("Origin", "https://evil.example"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value(containsString("origin")))
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    mvc.perform(event("r-o", UUID.randomUUID().toString()).header("Origin", "null"))
        .andExpect(status().isForbidden());
    verifyNoInteractions(publisher);

    // the api's own pages (the demo) post same-origin
    mvc.perform(event("r-o", UUID.randomUUID().toString()).header("Origin", "http://localhost"))
        .andExpect(status().isAccepted());
  }

  @Test
  void theCapIsTheCodecsRecordSize() throws Exception {
    mvc.perform(events().contentType(MediaType.APPLICATION_OCTET_STREAM)
            .content(filled(EventCodec.MAX_RECORD_BYTES)))
        .andExpect(status().isBadRequest()); // read whole, then refused by the codec
    mvc.perform(events().contentType(MediaType.APPLICATION_OCTET_STREAM)
            .content(filled(EventCodec.MAX_RECORD_BYTES + 1)))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.error").value(containsString(Integer.toString(EventCodec.MAX_RECORD_BYTES))));
    verifyNoInteractions(publisher);
  }

  @Test
  void limitsOneReadersEventsWith429AndRetryAfter() throws Exception {
    // a burst of 10 per reader; the slice's clock stands still, so nothing refills
    for (int i = 0; i < 10; i++) {
      mvc.perform(event("r-flood", UUID.randomUUID().toString())).andExpect(status().isAccepted());
    }
    MvcResult limited = mvc.perform(event("r-flood", UUID.randomUUID().toString()))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.error").value(containsString("reader")))
        .andReturn();
    assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isPositive();
    mvc.perform(event("r-other", UUID.randomUUID().toString())).andExpect(status().isAccepted());
  }

  @Test
  void aKafkaOutageIsA503WithRetryAfter() throws Exception {
    doThrow(new UnavailableException("the event stream is unavailable, retry later", null, Duration.ofSeconds(5)))
        .when(publisher).publish(any());

    mvc.perform(event("r-k", UUID.randomUUID().toString()))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.error").value(containsString("unavailable")))
        .andExpect(header().string("Retry-After", "5"));
  }

  private static MockHttpServletRequestBuilder event(String reader, String eventId) {
    return events().contentType("text/plain;charset=UTF-8")
        .content("{\"eventId\":\"" + eventId + "\",\"readerId\":\"" + reader + "\",\"articleId\":\"cur\","
            + "\"sessionId\":\"s-1\",\"timestamp\":" + WebSlice.NOW.toEpochMilli() + "}");
  }

  /** The servlet path is what {@link EventIntakeFilter} matches on; MockMvc leaves it empty unless told. */
  private static MockHttpServletRequestBuilder events() {
    return post(EventController.PATH).servletPath(EventController.PATH);
  }

  private static byte[] filled(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'x');
    return body;
  }
}
