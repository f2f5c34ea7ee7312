package com.eplly.api.recommend;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link RecommendationResponse} as JSON straight to the answer's stream, field by field:
 * the same document data binding would write, without looking up a serializer for every object of
 * every answer on the api's hottest path. Written to memory first, so the answer goes out in one
 * write with its Content-Length rather than flushed in chunks.
 */
final class RecommendationJson {

  private final JsonFactory factory = JsonFactory.builder().build();

  ByteArrayOutputStream encode(RecommendationResponse answer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("requestId", answer.requestId());
      g.writeArrayFieldStart("items");
      for (RecommendedItem item : answer.items()) {
        g.writeStartObject();
        g.writeStringField("articleId", item.articleId());
        g.writeStringField("title", item.title());
        g.writeStringField("url", item.url());
        g.writeNumberField("score", item.score());
        g.writeStringField("reason", item.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("modelVersion", answer.modelVersion());
      g.writeBooleanField("degraded", answer.degraded());
      g.writeStringField("experiment", answer.experiment());
      g.writeStringField("arm", answer.arm());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out;
  }
}
