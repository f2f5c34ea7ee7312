package com.eplly.ingest.lake;

/** Answers which offsets of a partition are already in one hour folder of the lake. */
@FunctionalInterface
public interface HighWaterMarks {

  /** The highest offset of {@code partition} already written to {@code dataset/hourFolder}; -1 if none. */
  long highestWritten(String dataset, int partition, String hourFolder);
}
