package com.eplly.recommender.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.event.ViewableImpression;
import com.eplly.contracts.experiment.ArmCounts;
import com.eplly.contracts.experiment.LookSchedule;
import com.eplly.recommender.LakeFixture;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.lake.LakeReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake report's counts from real lake files: the same events, and the same expected counts,
 * as ingest's live counter test (ExperimentAttributionTest), events replayed twice included.
 */
@SparkTest
class ExperimentLakeCountsTest {

  private static final long T = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();

  private final SparkSession spark;

  ExperimentLakeCountsTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void countsEachAnswerUnitImpressionAndClickOnceByTheLiveRules(@TempDir Path root) {
    LakeFixture lake = new LakeFixture(root);
    List<ImpressionEvent> impressions = List.of(served("q1", "r-1", "A"), served("q2", "r-1", "A"),
        served("q3", "r-2", "B"), new ServedEvent("q4", T, "r-3", null, "cur", "v1", null, null, false, items()),
        served("q5", "r-9", "A", "other-experiment"),
        viewable("q1"), viewable("q3"), viewable("unknown"));
    lake.impressions(0, 0, impressions);
    lake.impressions(0, 0, impressions.subList(0, 3)); // a replayed batch in a second file: same answers
    lake.pageViews(0, 100, List.of(click("q1", 2, T + 60_000), click("q2", 1, T + 60_000), click("unknown", 1, T),
        click("q3", 1, T + Duration.ofHours(25).toMillis()), LakeFixture.view("r-1", "a9", "s", T)));
    LakeReader reader = new LakeReader(spark, root.toString());

    Map<Instant, Map<String, ArmCounts>> byPeriod =
        new ExperimentLakeCounts().byPeriod(reader.impressions(), reader.clicks(), "exp");

    // q1 seen; q2 clicked before any impression: counted seen; q3 seen, its click a day too late
    assertEquals(Map.of(LookSchedule.periodOf(Instant.ofEpochMilli(T)), Map.of(
        "A", new ArmCounts(1, 2, 2, 2),
        "B", new ArmCounts(1, 1, 1, 0))), byPeriod);
  }

  private static List<ServedItem> items() {
    return List.of(new ServedItem("a1", 1, "read-together"), new ServedItem("a2", 2, "trending"));
  }

  private static ServedEvent served(String requestId, String reader, String arm) {
    return served(requestId, reader, arm, "exp");
  }

  private static ServedEvent served(String requestId, String reader, String arm, String experiment) {
    return new ServedEvent(requestId, T, reader, "s-" + reader, "cur", "v1", experiment, arm, false, items());
  }

  private static ViewableImpression viewable(String requestId) {
    return new ViewableImpression(requestId, T + 1_000, "r", "s", List.of("a1", "a2"));
  }

  private static PageView click(String requestId, int position, long at) {
    return new PageView("e-" + requestId + "-" + position + "-" + at, "r-1", "a" + position, "s", at, "cur", null,
        requestId, position);
  }
}
