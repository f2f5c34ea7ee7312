package com.eplly.recommender.compact;

/**
 * What a run did to one dataset.
 *
 * @param read       events read (the rewritten hours' Parquet rows plus their JSONL lines)
 * @param kept       events written to Parquet
 * @param duplicates events dropped as repeats of another
 * @param erased     events dropped as erased
 * @param retired    JSONL files deleted or emptied (markers already empty not counted)
 */
public record DatasetSummary(String dataset, int hours, long read, long kept, long duplicates, long erased,
    int retired, double seconds) {}
