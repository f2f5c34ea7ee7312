package com.eplly.recommender.compact;

/** Points between a compaction's steps where a test makes the run fail, as a crash would. */
public interface CompactionHooks {

  CompactionHooks NONE = new CompactionHooks() {};

  /** The Parquet of every planned hour of a dataset is written to the run's temporary folder. */
  default void written(String dataset) {}

  /** An hour's Parquet is in place; its JSONL files are not yet retired. */
  default void committed(CompactHour hour) {}
}
