package com.eplly.contracts.codec;

import com.eplly.contracts.event.PageView;

/**
 * Tells, by comparing bytes, whether a received record is exactly what {@link EventCodec#encode(PageView)}
 * writes for its decoded page view, so that ingest can store the received bytes instead of
 * encoding the view again. Only plain ASCII strings are compared (they need no escaping, and valid
 * ids and UUIDs are such); anything else answers false and is encoded the usual way.
 */
final class PageViewBytes {

  private final byte[] bytes;
  private int pos;
  private boolean first = true;

  private PageViewBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Field order and omitted nulls as in {@link EventCodec#encode(PageView)}. */
  static boolean isEncodingOf(byte[] bytes, PageView v) {
    PageViewBytes m = new PageViewBytes(bytes);
    return m.literal("{")
        && m.text("eventId", v.eventId())
        && m.text("readerId", v.readerId())
        && m.text("articleId", v.articleId())
        && m.text("sessionId", v.sessionId())
        && m.number("timestamp", v.timestamp())
        && m.text("referrerArticleId", v.referrerArticleId())
        && (v.dwellMs() == null || m.number("dwellMs", v.dwellMs()))
        && m.text("requestId", v.requestId())
        && (v.position() == null || m.number("position", v.position()))
        && m.literal("}")
        && m.pos == bytes.length;
  }

  private boolean text(String name, String value) {
    return value == null || (key(name) && literal("\"") && plain(value) && literal(value) && literal("\""));
  }

  private boolean number(String name, long value) {
    return key(name) && literal(Long.toString(value));
  }

  private boolean key(String name) {
    boolean separated = first || literal(",");
    first = false;
    return separated && literal("\"") && literal(name) && literal("\":");
  }

  /** Compares ASCII text with the next bytes. */
  private boolean literal(String ascii) {
    int n = ascii.length();
    if (pos + n > bytes.length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (bytes[pos + i] != ascii.charAt(i)) {
        return false;
      }
    }
    pos += n;
    return true;
  }

  /** Printable ASCII other than quote and backslash: written as is by the JSON generator. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
