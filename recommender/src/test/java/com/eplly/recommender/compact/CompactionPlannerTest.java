package com.eplly.recommender.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.lake.LakeLayout;
import com.eplly.recommender.lake.DatasetFiles;
import com.eplly.recommender.lake.LakeFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompactionPlannerTest {

  private static final Duration GRACE = Duration.ofHours(2);

  @Test
  void anHourIsClosedOnceItEndedGraceAgo() {
    String hour = "date=2026-11-01/hour=05"; // 05:00-06:00
    assertFalse(CompactionPlanner.closed(hour, Instant.parse("2026-11-01T07:59:59Z"), GRACE));
    assertTrue(CompactionPlanner.closed(hour, Instant.parse("2026-11-01T08:00:00Z"), GRACE));
    assertFalse(CompactionPlanner.closed("date=2026-11-01/other", Instant.parse("2030-01-01T00:00:00Z"), GRACE));
  }

  @Test
  void plansClosedHoursWithEventsAndCompactedHoursOfNewErasuresOnly() {
    Instant now = Instant.parse("2026-11-01T12:00:00Z");
    LakeFile closedWithEvents = file("date=2026-11-01/hour=05", 0, 0, 9, 100);
    LakeFile onlyMarker = file("date=2026-11-01/hour=06", 0, 10, 19, 0);
    LakeFile open = file("date=2026-11-01/hour=11", 0, 20, 29, 100);
    DatasetFiles files = new DatasetFiles(List.of(closedWithEvents, onlyMarker, open),
        Map.of("date=2026-11-01/hour=06", "p6", "date=2026-11-01/hour=07", "p7"));

    List<CompactHour> plan = CompactionPlanner.plan(LakeLayout.PAGE_VIEWS, files, Set.of("date=2026-11-01/hour=07"),
        now, GRACE);

    assertEquals(List.of(
        new CompactHour(LakeLayout.PAGE_VIEWS, "date=2026-11-01/hour=05", List.of(closedWithEvents), Optional.empty()),
        new CompactHour(LakeLayout.PAGE_VIEWS, "date=2026-11-01/hour=07", List.of(), Optional.of("p7"))), plan);
  }

  private static LakeFile file(String hour, int partition, long first, long last, long bytes) {
    String name = LakeLayout.fileName(partition, first, last);
    return new LakeFile("file:/lake/page-views/" + hour + "/" + name, name,
        new LakeLayout.OffsetRange(partition, first, last), bytes);
  }
}
