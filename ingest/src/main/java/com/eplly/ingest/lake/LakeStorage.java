package com.eplly.ingest.lake;

import java.io.IOException;
import java.util.List;

/**
 * The file system under the lake root: local folders now, a Hadoop {@code FileSystem} (HDFS, S3)
 * later. Paths are relative to the root and use {@code /}.
 */
public interface LakeStorage {

  /** Names of the finished files in a folder (temporary files excluded); empty when it does not exist. */
  List<String> listFiles(String relativeDir) throws IOException;

  /**
   * Makes {@code relativeDir/fileName} hold exactly {@code lines}, one per line, all or nothing:
   * written under a temporary name, flushed to stable storage, then renamed atomically.
   */
  void publish(String relativeDir, String fileName, List<byte[]> lines) throws IOException;

  /** Deletes temporary files left by writers that crashed; returns how many were deleted. */
  int deleteTemporaryFiles() throws IOException;

  /** Whether a file could be written now (for health checks). */
  boolean isWritable();

  /** Where the lake root is, for logs and health details. */
  String location();
}
