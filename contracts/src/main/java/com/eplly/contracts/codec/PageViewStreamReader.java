package com.eplly.contracts.codec;

import com.eplly.contracts.event.PageView;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a well-formed, well-typed page view straight from its bytes with Jackson's streaming
 * parser, without building a tree: ingest's hot path. Anything unusual (bad JSON, a wrongly typed
 * or missing field, duplicate keys, trailing tokens) yields null, and the caller decodes the
 * record again through the tree, which words the error. Unknown scalar fields are skipped, as the
 * tree decoder ignores them; an unknown object or array goes the slow way, which checks it for
 * duplicate keys. Duplicates are detected here rather than by the parser, which would track every
 * key in a set.
 */
final class PageViewStreamReader {

  /** Thrown to leave the fast path; bad records are rare, so its cost does not matter. */
  private static final class Unusual extends Exception {
    Unusual() {
      super(null, null, false, false);
    }
  }

  private final JsonFactory factory;

  /** @param factory a factory with the codec's read limits (nesting depth, string length) */
  PageViewStreamReader(JsonFactory factory) {
    this.factory = factory;
  }

  /** The page view the bytes hold (not yet validated), or null when the slow path must decide. */
  PageView read(byte[] bytes) {
    try (JsonParser p = factory.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String eventId = null;
      String readerId = null;
      String articleId = null;
      String sessionId = null;
      String referrer = null;
      Long timestamp = null;
      Long dwellMs = null;
      String requestId = null;
      Long position = null;
      int seen = 0; // one bit per known field
      Set<String> others = null;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int bit = switch (name) {
          case "eventId" -> { eventId = text(p, value); yield 1; }
          case "readerId" -> { readerId = text(p, value); yield 2; }
          case "articleId" -> { articleId = text(p, value); yield 4; }
          case "sessionId" -> { sessionId = text(p, value); yield 8; }
          case "referrerArticleId" -> { referrer = text(p, value); yield 16; }
          case "timestamp" -> { timestamp = integer(p, value); yield 32; }
          case "dwellMs" -> { dwellMs = integer(p, value); yield 64; }
          case "requestId" -> { requestId = text(p, value); yield 128; }
          case "position" -> { position = integer(p, value); yield 256; }
          default -> {
            if (value.isStructStart()) {
              throw new Unusual();
            }
            others = others == null ? new HashSet<>() : others;
            if (!others.add(name)) {
              throw new Unusual();
            }
            yield 0;
          }
        };
        if ((seen & bit) != 0) {
          throw new Unusual(); // a repeated key
        }
        seen |= bit;
      }
      // a null or absent timestamp reads as "missing" in the slow path
      if (t != JsonToken.END_OBJECT || timestamp == null || p.nextToken() != null) {
        return null;
      }
      // a position beyond int is an error the slow path words
      if (position != null && position != position.intValue()) {
        return null;
      }
      return new PageView(eventId, readerId, articleId, sessionId, timestamp, referrer, dwellMs,
          requestId, position == null ? null : position.intValue());
    } catch (IOException | RuntimeException | Unusual e) {
      return null;
    }
  }

  private static String text(JsonParser p, JsonToken value) throws IOException, Unusual {
    return switch (value) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> null;
      default -> throw new Unusual();
    };
  }

  private static Long integer(JsonParser p, JsonToken value) throws IOException, Unusual {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_NUMBER_INT) {
      throw new Unusual();
    }
    JsonParser.NumberType type = p.getNumberType();
    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
      throw new Unusual();
    }
    return p.getLongValue();
  }
}
