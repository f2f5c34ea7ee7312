package com.eplly.contracts.codec;

import com.eplly.contracts.event.PageView;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads a well-formed, well-typed page view straight from its bytes with Jackson's streaming
 * parser, without building a tree: ingest's hot path. Anything unusual (bad JSON, a wrongly typed
 * or missing field, duplicate keys, trailing tokens) yields null, and the caller decodes the
 * record again through the tree, which words the error. Unknown fields are skipped, as the tree
 * decoder ignores them.
 */
final class PageViewStreamReader {

  /** Thrown to leave the fast path; bad records are rare, so its cost does not matter. */
  private static final class Unusual extends Exception {
    Unusual() {
      super(null, null, false, false);
    }
  }

  private final ObjectMapper mapper;

  PageViewStreamReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The page view the bytes hold (not yet validated), or null when the slow path must decide. */
  PageView read(byte[] bytes) {
    // the mapper's parser carries its strictness (duplicate keys) and limits (nesting depth)
    try (JsonParser p = mapper.createParser(bytes)) {
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
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "eventId" -> eventId = text(p, value);
          case "readerId" -> readerId = text(p, value);
          case "articleId" -> articleId = text(p, value);
          case "sessionId" -> sessionId = text(p, value);
          case "referrerArticleId" -> referrer = text(p, value);
          case "timestamp" -> timestamp = integer(p, value);
          case "dwellMs" -> dwellMs = integer(p, value);
          default -> p.skipChildren();
        }
      }
      // a null or absent timestamp reads as "missing" in the slow path
      if (t != JsonToken.END_OBJECT || timestamp == null || p.nextToken() != null) {
        return null;
      }
      return new PageView(eventId, readerId, articleId, sessionId, timestamp, referrer, dwellMs);
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
