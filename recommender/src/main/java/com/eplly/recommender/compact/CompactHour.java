package com.eplly.recommender.compact;

import com.eplly.recommender.lake.LakeFile;
import java.util.List;
import java.util.Optional;

/**
 * One hour of one dataset that a compaction rewrites, as listed when the run planned it.
 *
 * @param dataset    {@code page-views} or {@code impressions}
 * @param hourFolder {@code date=…/hour=…}
 * @param jsonl      the hour's JSONL files at planning time, empty markers included; exactly these are
 *                   retired after the Parquet is in place (a file ingest adds later is left alone)
 * @param parquet    the hour's Parquet file when it was compacted before
 */
public record CompactHour(String dataset, String hourFolder, List<LakeFile> jsonl, Optional<String> parquet) {

  public CompactHour {
    jsonl = List.copyOf(jsonl);
  }

  /** The JSONL files holding events: what is read besides the Parquet. */
  public List<String> jsonlToRead() {
    return jsonl.stream().filter(LakeFile::holdsEvents).map(LakeFile::path).toList();
  }
}
