package com.eplly.contracts.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.event.ViewableImpression;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The impressions topic's records: both kinds round-trip, and bad ones are refused with a reason. */
class ImpressionCodecTest {

  private static final long NOW = Instant.parse("2026-11-27T12:00:00Z").toEpochMilli();
  private static final String REQUEST = "5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
  private final EventCodec codec = new EventCodec(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

  private static final ServedEvent SERVED = new ServedEvent(REQUEST, NOW, "r-1", "s-1", "a-0", "v-1", null, null,
      false, List.of(new ServedItem("a-1", 1, "read-together"), new ServedItem("a-2", 2, "trending")));

  @Test
  void aServedEventRoundTripsWithItsKindFirstAndNullsLeftOut() {
    String json = new String(codec.encode(SERVED), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\"kind\":\"served\",\"requestId\":\"" + REQUEST + "\""), json);
    assertTrue(!json.contains("experiment") && !json.contains("arm"), json);
    assertEquals(SERVED, valid(codec.decodeImpression(codec.encode(SERVED))));
  }

  static Stream<ServedEvent> servedEvents() {
    return Stream.of(
        SERVED,
        new ServedEvent(REQUEST, NOW, "r-1", null, null, "v-1", "hybrid-vs-popular", "B", true, List.of()),
        new ServedEvent(null, Long.MIN_VALUE, null, null, null, null, null, null, false,
            List.of(new ServedItem(null, -1, null))),
        new ServedEvent(REQUEST, Long.MAX_VALUE, "caf\u00e9 \"q\" \\ \u0001 \u2028", "\ud83d\ude00", "s\n1", "",
            "exp", "A", false, List.of(new ServedItem("a\u0000", 1, "editors-pick"), new ServedItem("", 2, ""))));
  }

  /** The api writes served events field by field; the lake and every reader expect data binding's bytes. */
  @ParameterizedTest
  @MethodSource("servedEvents")
  void aServedEventIsWrittenExactlyAsDataBindingWritesIt(ServedEvent event) throws Exception {
    assertArrayEquals(JsonMapper.builder().build().writeValueAsBytes(event), codec.encode(event),
        () -> new String(codec.encode(event), StandardCharsets.UTF_8));
  }

  @Test
  void aServedEventInAnExperimentCarriesItsArm() {
    ServedEvent inArm = new ServedEvent(REQUEST, NOW, "r-1", null, null, "v-1", "hybrid-vs-popular", "B", false,
        List.of(new ServedItem("a-1", 1, "popular")));
    assertEquals(inArm, valid(codec.decodeImpression(codec.encode(inArm))));
  }

  @Test
  void aViewableImpressionRoundTripsAndTheWidgetMayLeaveItsKindOut() {
    ViewableImpression seen = new ViewableImpression(REQUEST, NOW, "r-1", "s-1", List.of("a-1", "a-2"));
    assertEquals(seen, valid(codec.decodeImpression(codec.encode(seen))));
    String posted = "{\"requestId\":\"" + REQUEST + "\",\"timestamp\":" + NOW
        + ",\"readerId\":\"r-1\",\"sessionId\":\"s-1\",\"articleIds\":[\"a-1\",\"a-2\"]}";
    assertEquals(seen, assertInstanceOf(Decoded.Valid.class, codec.decodeViewable(bytes(posted))).value());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no kind            | {\"requestId\":\"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f\"} | kind must be \"served\" or \"viewable\"",
      "kind not text      | {\"kind\":1} | kind must be a string",
      "position gap       | {\"kind\":\"served\",\"requestId\":\"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f\",\"timestamp\":1764244800000,\"readerId\":\"r\",\"items\":[{\"articleId\":\"a\",\"position\":2,\"reason\":\"popular\"}]} | items[0].position must be 1",
      "unknown reason     | {\"kind\":\"served\",\"requestId\":\"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f\",\"timestamp\":1764244800000,\"readerId\":\"r\",\"items\":[{\"articleId\":\"a\",\"position\":1,\"reason\":\"luck\"}]} | items[0].reason must be a known reason",
      "item missing field | {\"kind\":\"served\",\"requestId\":\"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f\",\"timestamp\":1764244800000,\"readerId\":\"r\",\"items\":[{\"articleId\":\"a\",\"reason\":\"popular\"}]} | items[0].position is missing",
      "items not objects  | {\"kind\":\"served\",\"requestId\":\"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f\",\"timestamp\":1764244800000,\"readerId\":\"r\",\"items\":[\"a\"]} | items must be an array of objects",
      "no unit or article | {\"kind\":\"served\",\"requestId\":\"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f\",\"timestamp\":1764244800000,\"items\":[]} | at least one of readerId, sessionId, articleId",
      "arm alone          | {\"kind\":\"served\",\"requestId\":\"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f\",\"timestamp\":1764244800000,\"readerId\":\"r\",\"arm\":\"A\"} | experiment and arm go together",
      "viewable, no ids   | {\"kind\":\"viewable\",\"requestId\":\"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f\",\"timestamp\":1764244800000,\"readerId\":\"r\",\"sessionId\":\"s\",\"articleIds\":[]} | articleIds must list 1-100 articles",
      "viewable, bad uuid | {\"kind\":\"viewable\",\"requestId\":\"x\",\"timestamp\":1764244800000,\"readerId\":\"r\",\"sessionId\":\"s\",\"articleIds\":[\"a\"]} | requestId must be a UUID",
      "viewable, no reader| {\"kind\":\"viewable\",\"requestId\":\"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f\",\"timestamp\":1764244800000,\"sessionId\":\"s\",\"articleIds\":[\"a\"]} | readerId is missing",
  })
  void rejectsBadImpressionsWithAReasonNamingTheProblem(String name, String json, String expected) {
    String reason = assertInstanceOf(Decoded.Invalid.class, codec.decodeImpression(bytes(json))).reason();
    assertTrue(reason.contains(expected), () -> name + ": " + reason);
  }

  @Test
  void theImpressionEndpointRefusesAServedEvent() {
    String reason = assertInstanceOf(Decoded.Invalid.class, codec.decodeViewable(codec.encode(SERVED))).reason();
    assertTrue(reason.startsWith("kind must be \"viewable\" or absent"), reason);
  }

  private static ImpressionEvent valid(Decoded<ImpressionEvent> d) {
    return assertInstanceOf(Decoded.Valid.class, d).value() instanceof ImpressionEvent e ? e : null;
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
