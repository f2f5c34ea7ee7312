package com.eplly.contracts.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  private static final long NOW = Instant.parse("2026-11-27T12:00:00Z").toEpochMilli();
  private final EventCodec codec = new EventCodec(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

  private static final String REQUEST = "5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";

  private static final PageView VIEW = new PageView("0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10", "r-1", "a-1", "s-1",
      NOW - 1000, "a-0", 12_000L);

  @Test
  void pageViewRoundTrips() {
    Decoded<PageView> d = codec.decodePageView(codec.encode(VIEW));
    assertEquals(VIEW, assertInstanceOf(Decoded.Valid.class, d).value());
  }

  @Test
  void optionalFieldsAreOmittedAndRestoredAsNull() {
    PageView bare = new PageView(VIEW.eventId(), "r-1", "a-1", "s-1", NOW, null, null);
    String json = new String(codec.encode(bare), StandardCharsets.UTF_8);
    assertTrue(!json.contains("referrerArticleId") && !json.contains("dwellMs"), json);
    assertEquals(bare, ((Decoded.Valid<PageView>) codec.decodePageView(json.getBytes(StandardCharsets.UTF_8))).value());
  }

  @Test
  void aPageViewOfAClientBeforeAttributionStillDecodes() {
    // byte for byte what the widget and the lake files held before requestId and position existed
    String old = "{\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r-1\",\"articleId\":\"a-1\","
        + "\"sessionId\":\"s-1\",\"timestamp\":" + NOW + ",\"referrerArticleId\":\"a-0\",\"dwellMs\":12000}";
    Decoded<PageView> decoded = codec.decodePageView(old.getBytes(StandardCharsets.UTF_8));
    PageView view = ((Decoded.Valid<PageView>) assertInstanceOf(Decoded.Valid.class, decoded)).value();
    assertEquals(new PageView(VIEW.eventId(), "r-1", "a-1", "s-1", NOW, "a-0", 12_000L, null, null), view);
    assertEquals(old, new String(codec.encode(view), StandardCharsets.UTF_8));
  }

  @Test
  void anAttributedClickRoundTrips() {
    PageView click = new PageView(VIEW.eventId(), "r-1", "a-1", "s-1", NOW, "a-0", null, REQUEST, 4);
    String json = new String(codec.encode(click), StandardCharsets.UTF_8);
    assertTrue(json.endsWith(",\"requestId\":\"" + REQUEST + "\",\"position\":4}"), json);
    assertEquals(click, ((Decoded.Valid<PageView>) codec.decodePageView(codec.encode(click))).value());
  }

  @Test
  void articleRoundTrips() {
    Article a = new Article("a-9", "Title", "https://eplly.example/a-9", "science", NOW - 5, "Some text",
        List.of("space", "mars"), NOW + 100_000, false);
    assertEquals(a, ((Decoded.Valid<Article>) codec.decodeArticle(codec.encode(a))).value());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not json                 | {oops                                                                             | malformed JSON",
      "array                    | [1,2]                                                                             | expected an object",
      "empty                    | ''                                                                                | empty record",
      "missing reader           | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000} | readerId is missing",
      "timestamp as string      | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":\"now\"} | timestamp must be an integer",
      "missing timestamp        | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\"} | timestamp is missing",
      "bad uuid                 | {\"eventId\":\"123\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000} | eventId must be a UUID",
      "bad id characters        | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r 1\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000} | readerId must be 1-128 characters",
      "far future               | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":99999999999999} | timestamp must be epoch milliseconds",
      "negative dwell           | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000,\"dwellMs\":-5} | dwellMs must be between",
      "trailing garbage         | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000} xyz | malformed JSON",
      "duplicate key            | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"readerId\":\"q\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000} | malformed JSON",
      "position zero            | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000,\"referrerArticleId\":\"b\",\"position\":0} | position must be between 1 and 100",
      "position as text         | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000,\"referrerArticleId\":\"b\",\"position\":\"1\"} | position must be an integer",
      "bad request id           | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000,\"referrerArticleId\":\"b\",\"requestId\":\"x\"} | requestId must be a UUID",
      "attribution, no referrer | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1764244800000,\"position\":1} | requestId and position need referrerArticleId",
      "huge number              | {\"eventId\":\"0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\",\"timestamp\":1e400} | timestamp must be an integer",
  })
  void rejectsBadPageViewsWithAReasonNamingTheProblem(String name, String json, String expectedReason) {
    Decoded<PageView> d = codec.decodePageView(json.getBytes(StandardCharsets.UTF_8));
    String reason = assertInstanceOf(Decoded.Invalid.class, d).reason();
    assertTrue(reason.contains(expectedReason), () -> name + ": " + reason);
  }

  @Test
  void idsAreShortAsciiWordsWithSafePunctuation() {
    assertTrue(Validation.isId("news:2026.a_b-7"));
    assertTrue(Validation.isId("x".repeat(128)));
    assertTrue(!Validation.isId("x".repeat(129)));
    assertTrue(!Validation.isId(""));
    assertTrue(!Validation.isId(null));
    assertTrue(!Validation.isId("a b"));
    assertTrue(!Validation.isId("a|b"));
    assertTrue(!Validation.isId("café"));
  }

  @Test
  void rejectsOversizedRecordsBeforeParsing() {
    byte[] huge = new byte[EventCodec.MAX_RECORD_BYTES + 1];
    String reason = ((Decoded.Invalid<PageView>) codec.decodePageView(huge)).reason();
    assertTrue(reason.contains("exceeds"), reason);
  }

  @Test
  void collectsEveryBrokenRuleOfAnArticle() {
    String json = "{\"articleId\":\"a-1\",\"title\":\"\",\"url\":\"ftp://x\",\"category\":\"Science!\",\"publishedAt\":1764244800000,"
        + "\"expiresAt\":1}";
    String reason = ((Decoded.Invalid<Article>) codec.decodeArticle(json.getBytes(StandardCharsets.UTF_8))).reason();
    assertTrue(reason.contains("title is missing"), reason);
    assertTrue(reason.contains("url must start with"), reason);
    assertTrue(reason.contains("category must be"), reason);
    assertTrue(reason.contains("expiresAt must be after publishedAt"), reason);
  }
}
