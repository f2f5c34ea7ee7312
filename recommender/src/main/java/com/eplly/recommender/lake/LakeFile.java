package com.eplly.recommender.lake;

import com.eplly.contracts.lake.LakeLayout.OffsetRange;
import org.apache.hadoop.fs.Path;

/**
 * A finished lake file: where it is, which Kafka offsets it holds and its size (an empty one is a
 * compaction marker, holding no event).
 */
public record LakeFile(String path, String name, OffsetRange offsets, long bytes) {

  /** The {@code date=…/hour=…} folder it sits in. */
  public String hourFolder() {
    return LakeFiles.hourFolderOf(new Path(path));
  }

  /** Whether it holds events (compaction empties one file per partition and hour as a marker). */
  public boolean holdsEvents() {
    return bytes > 0;
  }
}
