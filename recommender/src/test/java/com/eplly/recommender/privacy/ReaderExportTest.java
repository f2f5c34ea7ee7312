package com.eplly.recommender.privacy;

import static com.eplly.recommender.LakeFixture.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.recommender.LakeFixture;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.compact.CompactionHooks;
import com.eplly.recommender.compact.Compactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SparkTest
class ReaderExportTest {

  private static final long HOUR = 3_600_000L;
  private static final long T = (1_795_000_000_000L / HOUR + 1) * HOUR;
  private static final Instant NOW = Instant.ofEpochMilli(T + 10 * HOUR);

  private final SparkSession spark;

  ReaderExportTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void exportsEveryFieldOfOneReadersEventsTheSameBeforeAndAfterCompactionAndNothingOfAnErasedOne(@TempDir Path dir)
      throws IOException {
    LakeFixture lake = new LakeFixture(dir);
    PageView click = new PageView("v-click", "r1", "a2", "s1", T + 2_000, "a1", 4_000L, "q1", 0);
    PageView first = view("r1", "a1", "s1", T);
    lake.pageViews(0, 0, List.of(first, click, view("other", "a1", "s2", T + 1), view("gone", "a1", "s3", T + 2)));
    lake.pageViews(1, 0, List.of(click)); // replayed: exported once
    lake.impressions(0, 0, List.<ImpressionEvent>of(served("q1", "r1", T + 1_000), served("q2", "gone", T + 3)));
    lake.erasures(0, 0, List.of(new ReaderErasure("gone", T + HOUR, "admin")));

    JsonNode before = export(dir, "r1");
    new Compactor(spark, new PrintStream(new ByteArrayOutputStream()), CompactionHooks.NONE)
        .run(dir.toString(), Duration.ofHours(2), NOW, false);
    JsonNode after = export(dir, "r1");

    assertEquals(List.of(first.eventId(), "v-click"), ids(after.get("pageViews"), "eventId"));
    JsonNode exportedClick = after.get("pageViews").get(1);
    assertEquals(List.of("r1", "a2", "s1", "a1", "q1"), List.of(exportedClick.get("readerId").asText(),
        exportedClick.get("articleId").asText(), exportedClick.get("sessionId").asText(),
        exportedClick.get("referrerArticleId").asText(), exportedClick.get("requestId").asText()));
    assertEquals(List.of(T + 2_000, 4_000L, 0L), List.of(exportedClick.get("timestamp").asLong(),
        exportedClick.get("dwellMs").asLong(), exportedClick.get("position").asLong()));
    assertEquals(List.of("q1"), ids(after.get("impressions"), "requestId"));
    assertEquals("trending", after.get("impressions").get(0).get("items").get(0).get("reason").asText());
    assertEquals(before.get("pageViews"), after.get("pageViews"));
    assertEquals(before.get("impressions"), after.get("impressions"));

    JsonNode gone = export(dir, "gone");
    assertEquals(0, gone.get("pageViews").size());
    assertEquals(0, gone.get("impressions").size());
    assertEquals(T + HOUR, gone.get("erasedAt").asLong());
  }

  private JsonNode export(Path dir, String reader) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ReaderExport(spark, Clock.fixed(NOW, ZoneOffset.UTC)).export(dir.toString(), reader, out);
    JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
    assertEquals(reader, doc.get("readerId").asText());
    return doc;
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get(field).asText()));
    return ids;
  }

  private static ServedEvent served(String requestId, String reader, long at) {
    return new ServedEvent(requestId, at, reader, "s-" + reader, "a1", "v1", null, null, false,
        List.of(new ServedItem("a2", 0, "trending")));
  }
}
