package com.eplly.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.contracts.lake.LakeLayout;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LakePlannerTest {

  private static final long H20 = Instant.parse("2026-11-27T20:15:00Z").toEpochMilli();
  private static final long H21 = Instant.parse("2026-11-27T21:05:00Z").toEpochMilli();
  private static final HighWaterMarks EMPTY_LAKE = (d, p, h) -> -1;

  private static LakeRecord<String> rec(int partition, long offset, long time) {
    return new LakeRecord<>(partition, offset, time, partition + "@" + offset);
  }

  @Test
  void groupsByPartitionAndEventHourAndNamesFilesByOffsetRange() {
    List<LakeRecord<String>> batch = List.of(
        rec(0, 10, H20), rec(1, 5, H20), rec(0, 11, H21), rec(0, 12, H20), rec(1, 6, H20), rec(0, 13, H21));

    LakePlan<String> plan = LakePlanner.plan(LakeLayout.PAGE_VIEWS, batch, EMPTY_LAKE);

    assertThat(plan.skipped()).isZero();
    assertThat(plan.files()).extracting(f -> f.relativeDir() + "/" + f.fileName()).containsExactly(
        "page-views/date=2026-11-27/hour=20/part-0-10-12.jsonl",
        "page-views/date=2026-11-27/hour=20/part-1-5-6.jsonl",
        "page-views/date=2026-11-27/hour=21/part-0-11-13.jsonl");
    assertThat(plan.files().get(0).records()).extracting(LakeRecord::offset).containsExactly(10L, 12L);
    assertThat(plan.newValues()).containsExactly("0@10", "0@11", "0@12", "0@13", "1@5", "1@6");
  }

  @Test
  void skipsOffsetsAlreadyWrittenToTheSameHour() {
    HighWaterMarks marks = (d, p, h) -> p == 0 && h.equals(LakeLayout.hourFolder(H20)) ? 11 : -1;
    List<LakeRecord<String>> batch = List.of(rec(0, 10, H20), rec(0, 11, H20), rec(0, 12, H20), rec(1, 3, H20));

    LakePlan<String> plan = LakePlanner.plan(LakeLayout.PAGE_VIEWS, batch, marks);

    assertThat(plan.skipped()).isEqualTo(2);
    assertThat(plan.files()).extracting(PlannedLakeFile::fileName)
        .containsExactly("part-0-12-12.jsonl", "part-1-3-3.jsonl");
  }

  @Test
  void crashBetweenTwoHoursOfOneBatchLosesNothingOnReplay() {
    // Batch 0..5 spans two hours; only the hour-20 file (offsets 0,2,4) was published before a crash.
    Map<String, Long> written = new HashMap<>(Map.of(LakeLayout.hourFolder(H20), 4L));
    HighWaterMarks marks = (d, p, h) -> written.getOrDefault(h, -1L);
    List<LakeRecord<String>> replay = List.of(
        rec(0, 0, H20), rec(0, 1, H21), rec(0, 2, H20), rec(0, 3, H21), rec(0, 4, H20), rec(0, 5, H21));

    LakePlan<String> plan = LakePlanner.plan(LakeLayout.PAGE_VIEWS, replay, marks);

    // A per-partition high-water mark (4) would wrongly drop offsets 1 and 3 of hour 21.
    assertThat(plan.files()).singleElement().satisfies(f -> {
      assertThat(f.hourFolder()).isEqualTo(LakeLayout.hourFolder(H21));
      assertThat(f.fileName()).isEqualTo("part-0-1-5.jsonl");
    });
    assertThat(plan.skipped()).isEqualTo(3);
  }

  @Test
  void everythingAlreadyWrittenPlansNoFile() {
    LakePlan<String> plan = LakePlanner.plan(LakeLayout.PAGE_VIEWS, List.of(rec(0, 1, H20)), (d, p, h) -> 9);
    assertThat(plan.files()).isEmpty();
    assertThat(plan.newValues()).isEmpty();
    assertThat(plan.skipped()).isEqualTo(1);
  }

  @Test
  void rejectsRecordsOutOfOffsetOrder() {
    assertThatThrownBy(() -> LakePlanner.plan(LakeLayout.PAGE_VIEWS, List.of(rec(0, 5, H20), rec(0, 4, H20)), EMPTY_LAKE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fileNamesRoundTripThroughTheLayoutParser() {
    PlannedLakeFile<String> file = new PlannedLakeFile<>(LakeLayout.PAGE_VIEWS, LakeLayout.hourFolder(H20), 3,
        List.of(rec(3, 100, H20), rec(3, 250, H20)));
    assertThat(LakeLayout.parseFileName(file.fileName()))
        .contains(new LakeLayout.OffsetRange(3, 100, 250));
    assertThat(LakeLayout.parseFileName(LakeLayout.TEMP_PREFIX + file.fileName())).isEmpty();
  }
}
