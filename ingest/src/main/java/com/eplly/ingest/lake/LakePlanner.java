package com.eplly.ingest.lake;

import com.eplly.contracts.lake.LakeLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a batch into one file per (partition, hour) and leaves out what the lake already holds.
 *
 * <p>The skip test is per (partition, hour folder), not per partition: a batch spanning several
 * hours writes several files, and a crash between two of them must not hide the unwritten hour's
 * records behind the written hour's higher offsets. Within one (partition, hour) files are written
 * in offset order, so "offset ≤ highest already written there" means "already written".
 */
public final class LakePlanner {

  private static final long HOUR_MS = 3_600_000L;

  private LakePlanner() {}

  public static <T> LakePlan<T> plan(String dataset, List<LakeRecord<T>> records, HighWaterMarks marks) {
    Map<GroupKey, List<LakeRecord<T>>> groups = new LinkedHashMap<>();
    // A batch spans few hours: format each hour's folder name once, not once per record.
    Map<Long, String> folders = new HashMap<>();
    for (LakeRecord<T> r : records) {
      String folder = folders.computeIfAbsent(Math.floorDiv(r.hourTime(), HOUR_MS), h -> LakeLayout.hourFolder(h * HOUR_MS));
      groups.computeIfAbsent(new GroupKey(r.partition(), folder), k -> new ArrayList<>()).add(r);
    }
    List<PlannedLakeFile<T>> files = new ArrayList<>();
    int skipped = 0;
    for (Map.Entry<GroupKey, List<LakeRecord<T>>> g : groups.entrySet()) {
      long highest = marks.highestWritten(dataset, g.getKey().partition(), g.getKey().hourFolder());
      List<LakeRecord<T>> fresh = new ArrayList<>(g.getValue().size());
      long previous = Long.MIN_VALUE;
      for (LakeRecord<T> r : g.getValue()) {
        if (r.offset() <= previous) {
          throw new IllegalArgumentException("records of partition " + r.partition() + " are not in offset order");
        }
        previous = r.offset();
        if (r.offset() > highest) {
          fresh.add(r);
        } else {
          skipped++;
        }
      }
      if (!fresh.isEmpty()) {
        files.add(new PlannedLakeFile<>(dataset, g.getKey().hourFolder(), g.getKey().partition(), fresh));
      }
    }
    return new LakePlan<>(files, skipped);
  }

  private record GroupKey(int partition, String hourFolder) {}
}
