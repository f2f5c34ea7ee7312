package com.eplly.recommender.privacy;

import com.eplly.recommender.lake.LakeReader;
import com.eplly.recommender.lake.LakeReader.ReaderEvents;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Everything the lake holds about one reader as one JSON document, for a reader's access request:
 * {@code {"readerId", "exportedAt", "lake", "erasedAt"?, "pageViews": [...], "impressions": [...]}},
 * each event with every field the lake keeps, erasures applied (an erased reader's past is not
 * held any more, even before {@code reco compact} has rewritten the files). The Redis part
 * (recent reads, per-reader lists) is the api's to add.
 */
public final class ReaderExport {

  private final SparkSession spark;
  private final Clock clock;

  public ReaderExport(SparkSession spark, Clock clock) {
    this.spark = spark;
    this.clock = clock;
  }

  /** What an export held. */
  public record Summary(int pageViews, int impressions, Optional<Long> erasedAt) {}

  public Summary export(String lake, String readerId, OutputStream target) throws IOException {
    LakeReader reader = new LakeReader(spark, lake);
    ReaderEvents events = reader.readerEvents(readerId);
    List<String> views = events.pageViews().toJSON().collectAsList();
    List<String> impressions = events.impressions().toJSON().collectAsList();
    Optional<Long> erasedAt = Optional.ofNullable(reader.erasures().collect().get(readerId));
    JsonGenerator json = new JsonFactory().createGenerator(target, JsonEncoding.UTF8);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartObject();
    json.writeStringField("readerId", readerId);
    json.writeStringField("exportedAt", clock.instant().toString());
    json.writeStringField("lake", lake);
    if (erasedAt.isPresent()) {
      json.writeNumberField("erasedAt", erasedAt.get());
    }
    array(json, "pageViews", views);
    array(json, "impressions", impressions);
    json.writeEndObject();
    json.flush();
    return new Summary(views.size(), impressions.size(), erasedAt);
  }

  /** Spark's JSON of each row, as is (nulls left out, as the codec writes events). */
  private static void array(JsonGenerator json, String name, List<String> rows) throws IOException {
    json.writeArrayFieldStart(name);
    for (String row : rows) {
      json.writeRawValue(row);
    }
    json.writeEndArray();
  }
}
