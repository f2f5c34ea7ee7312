package com.eplly.ingest.lake;

import com.eplly.contracts.lake.LakeLayout;
import java.util.List;

/**
 * The records of one Kafka partition and one hour of a batch, which become one lake file.
 *
 * @param dataset    {@link LakeLayout#PAGE_VIEWS}, {@link LakeLayout#IMPRESSIONS} or {@link LakeLayout#ARTICLES}
 * @param hourFolder relative {@code date=…/hour=…} folder
 * @param partition  Kafka partition
 * @param records    in offset order, never empty
 */
public record PlannedLakeFile<T>(String dataset, String hourFolder, int partition, List<LakeRecord<T>> records) {

  public PlannedLakeFile {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a lake file needs at least one record");
    }
    records = List.copyOf(records);
  }

  /** Folder relative to the lake root, e.g. {@code page-views/date=2026-11-27/hour=20}. */
  public String relativeDir() {
    return dataset + "/" + hourFolder;
  }

  public long firstOffset() {
    return records.get(0).offset();
  }

  public long lastOffset() {
    return records.get(records.size() - 1).offset();
  }

  /** The finished file name, which records the offsets it holds. */
  public String fileName() {
    return LakeLayout.fileName(partition, firstOffset(), lastOffset());
  }
}
