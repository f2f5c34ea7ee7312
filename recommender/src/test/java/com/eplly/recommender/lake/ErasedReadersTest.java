package com.eplly.recommender.lake;

import static com.eplly.recommender.LakeFixture.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.recommender.LakeFixture;
import com.eplly.recommender.SparkTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SparkTest
class ErasedReadersTest {

  private static final long T = 1_795_000_000_000L;
  private final SparkSession spark;

  ErasedReadersTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void dropsAnErasedReadersEventsUpToTheLatestErasureEverywhereTheLakeIsRead(@TempDir Path dir) {
    LakeFixture lake = new LakeFixture(dir);
    PageView before = view("gone", "a1", "s1", T);
    PageView atErasure = view("gone", "a2", "s1", T + 5_000);
    PageView after = view("gone", "a3", "s2", T + 5_001); // came back: new data
    PageView other = view("stays", "a1", "s3", T + 1_000);
    PageView click = new PageView("click-1", "gone", "a4", "s1", T + 2_000, "a1", null, "q1", 0);
    PageView otherClick = new PageView("click-2", "stays", "a4", "s3", T + 2_000, "a1", null, "q2", 1);
    lake.pageViews(0, 0, List.of(before, atErasure, after, other, click, otherClick));
    lake.impressions(0, 0, List.<ImpressionEvent>of(served("q1", "gone", T + 1_000), served("q2", "stays", T + 1_000),
        served("q3", "gone", T + 6_000)));
    // an earlier erasure of the same reader is replaced by the later one
    lake.erasures(0, 0, List.of(new ReaderErasure("gone", T + 1_000, "admin"),
        new ReaderErasure("gone", T + 5_000, "admin")));

    LakeReader reader = new LakeReader(spark, dir.toString());

    assertEquals(Set.of(after.eventId(), other.eventId(), otherClick.eventId()), ids(reader.pageViews(), "eventId"));
    assertEquals(Set.of("click-2"), ids(reader.clicks(), "eventId"));
    assertEquals(List.of("eventId", "timestamp", "requestId", "position"), List.of(reader.clicks().columns()));
    assertEquals(Set.of("q2", "q3"), ids(reader.impressions(), "requestId"));
  }

  @Test
  void noErasuresLeavesEverything(@TempDir Path dir) {
    LakeFixture lake = new LakeFixture(dir);
    lake.pageViews(0, 0, List.of(view("r1", "a1", "s1", T), view("r2", "a1", "s2", T)));

    assertEquals(2, new LakeReader(spark, dir.toString()).pageViews().count());
    assertEquals(0, new LakeReader(spark, dir.toString()).erasures().collect().size());
  }

  private static ServedEvent served(String requestId, String reader, long at) {
    return new ServedEvent(requestId, at, reader, "s-" + reader, "cur", "v1", null, null, false,
        List.of(new ServedItem("a9", 0, "trending")));
  }

  private static Set<String> ids(Dataset<Row> rows, String column) {
    return rows.collectAsList().stream().map(r -> r.<String>getAs(column)).collect(Collectors.toSet());
  }
}
