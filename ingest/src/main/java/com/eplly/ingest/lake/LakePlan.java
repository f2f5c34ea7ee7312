package com.eplly.ingest.lake;

import java.util.Comparator;
import java.util.List;

/**
 * What a batch adds to the lake: the files to write and how many records were already there.
 *
 * @param files   files to publish, each holding only records not yet in the lake
 * @param skipped records left out because an earlier run already wrote them
 */
public record LakePlan<T>(List<PlannedLakeFile<T>> files, int skipped) {

  public LakePlan {
    files = List.copyOf(files);
  }

  /** The values that are new to the lake, in consumption (offset) order per partition. */
  public List<T> newValues() {
    return files.stream().flatMap(f -> f.records().stream())
        .sorted(Comparator.comparingInt((LakeRecord<T> r) -> r.partition()).thenComparingLong(LakeRecord::offset))
        .map(LakeRecord::value)
        .toList();
  }

  public int newCount() {
    return files.stream().mapToInt(f -> f.records().size()).sum();
  }
}
