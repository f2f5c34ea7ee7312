package com.eplly.contracts.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.PageView;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming page-view codec must agree exactly with data binding and the tree decoder. */
class PageViewFastPathTest {

  private static final long NOW = Instant.parse("2026-11-27T12:00:00Z").toEpochMilli();
  private static final String ID = "0b7c5a7e-3f0e-4a57-9a53-5a1c3f6f1f10";
  private final EventCodec codec = new EventCodec(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

  static Stream<PageView> views() {
    return Stream.of(
        new PageView(ID, "r-1", "a-1", "s-1", NOW, "a-0", 12_000L),
        new PageView(ID, "r-1", "a-1", "s-1", NOW, null, null),
        new PageView(ID, "r-1", "a-1", "s-1", NOW, "a-0", 12_000L, ID, 3),
        new PageView(ID, "r-1", "a-1", "s-1", NOW, "a-0", null, ID, null),
        new PageView(null, null, null, null, 0, null, -1L),
        new PageView(ID, "caf\u00e9 \"q\" \\ \u0001 \u2028", "\ud83d\ude00", "s\n1", Long.MIN_VALUE, "", Long.MAX_VALUE));
  }

  @ParameterizedTest
  @MethodSource("views")
  void encodesExactlyAsDataBinding(PageView view) throws Exception {
    assertArrayEquals(JsonMapper.builder().build().writeValueAsBytes(view), codec.encode(view),
        () -> new String(codec.encode(view), StandardCharsets.UTF_8));
  }

  static Stream<String> records() {
    String base = "\"eventId\":\"" + ID + "\",\"readerId\":\"r\",\"articleId\":\"a\",\"sessionId\":\"s\"";
    return Stream.of(
        "{" + base + ",\"timestamp\":" + NOW + "}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"dwellMs\":5,\"referrerArticleId\":\"b\"}",
        "{\"timestamp\":" + NOW + "," + base + ",\"extra\":{\"deep\":[1,2,{\"x\":null}]},\"more\":true}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"dwellMs\":null,\"referrerArticleId\":null}",
        " {" + base + ",\"timestamp\":" + NOW + "}\n",
        "{" + base + ",\"timestamp\":" + NOW + "} {}",
        "{" + base + ",\"timestamp\":" + NOW + "} xyz",
        "{" + base + ",\"timestamp\":" + NOW + ",\"readerId\":\"q\"}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"extra\":1,\"extra\":2}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"extra\":1,\"other\":\"x\",\"more\":null}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"timestamp\":" + NOW + "}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"dwellMs\":null,\"dwellMs\":1}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"x\":{\"k\":1,\"k\":2}}",
        "{" + base + "}",
        "{" + base + ",\"timestamp\":null}",
        "{" + base + ",\"timestamp\":\"" + NOW + "\"}",
        "{" + base + ",\"timestamp\":1.5}",
        "{" + base + ",\"timestamp\":1e400}",
        "{" + base + ",\"timestamp\":99999999999999999999999}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"dwellMs\":\"5\"}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"dwellMs\":-5}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"referrerArticleId\":\"b\",\"requestId\":\"" + ID + "\",\"position\":2}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"referrerArticleId\":\"b\",\"position\":2,\"requestId\":\"" + ID + "\"}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"referrerArticleId\":\"b\",\"position\":0}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"referrerArticleId\":\"b\",\"position\":\"2\"}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"referrerArticleId\":\"b\",\"position\":2.5}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"referrerArticleId\":\"b\",\"position\":4294967298}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"referrerArticleId\":\"b\",\"requestId\":7}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"requestId\":\"" + ID + "\"}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"position\":1,\"position\":1}",
        "{" + base.replace("\"r\"", "7") + ",\"timestamp\":" + NOW + "}",
        "{" + base.replace("\"r\"", "[\"r\"]") + ",\"timestamp\":" + NOW + "}",
        "{" + base.replace("\"r\"", "{}") + ",\"timestamp\":" + NOW + "}",
        "{" + base.replace("\"r\"", "null") + ",\"timestamp\":" + NOW + "}",
        "{" + base.replace("\"r\"", "\"r 1\"") + ",\"timestamp\":" + NOW + "}",
        "{" + base + ",\"timestamp\":" + NOW + ",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}",
        "{" + base + ",\"timestamp\":" + NOW,
        "[1,2]",
        "\"text\"",
        "",
        "   ",
        "{oops");
  }

  @ParameterizedTest
  @MethodSource("views")
  void plainRecordsTakeTheFastPathAndOthersDoNot(PageView view) {
    PageViewStreamReader reader = new PageViewStreamReader(new JsonFactory());
    assertEquals(view, reader.read(codec.encode(view)));
    assertNull(reader.read("{\"timestamp\":\"1\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @MethodSource("records")
  void decodesExactlyAsTheTreeDecoder(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertEquals(codec.decodePageViewFromTree(bytes), codec.decodePageView(bytes), json);
  }

  @ParameterizedTest
  @MethodSource("views")
  void recognisesItsOwnEncodingOfPlainAsciiViews(PageView view) {
    boolean plainAscii = view.readerId() == null || view.readerId().equals("r-1");
    assertEquals(plainAscii, codec.isEncodingOf(codec.encode(view), view));
  }

  @ParameterizedTest
  @MethodSource("records")
  void takesReceivedBytesAsEncodedOnlyWhenTheyAreByteForByteTheEncoding(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (codec.decodePageView(bytes) instanceof Decoded.Valid<PageView> v) {
      assertEquals(Arrays.equals(bytes, codec.encode(v.value())), codec.isEncodingOf(bytes, v.value()), json);
    }
  }

  @ParameterizedTest
  @MethodSource("records")
  void saysARecordMayHaveARequestIdWheneverItDecodesToOne(String json) {
    for (String variant : List.of(json, json.replace("\"dwellMs\"", "\"requestId\":\"q\",\"dwellMs\""),
        json.replace("\"dwellMs\"", "\"request\\u0049d\":\"q\",\"dwellMs\""))) {
      byte[] bytes = variant.getBytes(StandardCharsets.UTF_8);
      if (codec.decodePageView(bytes) instanceof Decoded.Valid<PageView> v && v.value().requestId() != null) {
        assertTrue(codec.mayHaveRequestId(bytes), variant);
      }
    }
  }

  @Test
  void aPlainViewCannotHaveARequestIdButAnEscapedKeyMay() {
    assertFalse(codec.mayHaveRequestId(codec.encode(new PageView(ID, "r-1", "a-1", "s-1", NOW, "a-0", 12_000L))));
    PageView click = new PageView(ID, "r-1", "a-1", "s-1", NOW, "a-0", null, ID, 2);
    byte[] escapedKey = new String(codec.encode(click), StandardCharsets.UTF_8)
        .replace("\"requestId\"", "\"request\\u0049d\"").getBytes(StandardCharsets.UTF_8);
    assertEquals(ID, ((Decoded.Valid<PageView>) codec.decodePageView(escapedKey)).value().requestId());
    assertTrue(codec.mayHaveRequestId(escapedKey));
    assertTrue(codec.mayHaveRequestId(codec.encode(click)));
  }

  @Test
  void spacesEscapesOrderAndExtraFieldsAreNotTheEncoding() {
    PageView view = new PageView(ID, "r", "a", "s", NOW, null, 0L);
    String canonical = new String(codec.encode(view), StandardCharsets.UTF_8);
    assertTrue(codec.isEncodingOf(canonical.getBytes(StandardCharsets.UTF_8), view));
    for (String variant : List.of(
        canonical.replace(",", ", "),
        canonical.replace("\"r\"", "\"\\u0072\""),
        canonical.replace("\"dwellMs\":0", "\"dwellMs\":-0"),
        canonical.replace("}", ",\"x\":1}"),
        canonical.replace("{", "{\"referrerArticleId\":null,"),
        "{\"readerId\":\"r\",\"eventId\":\"" + ID + canonical.substring(canonical.indexOf("\",\"articleId")),
        canonical + "\n")) {
      assertFalse(codec.isEncodingOf(variant.getBytes(StandardCharsets.UTF_8), view), variant);
    }
  }
}
