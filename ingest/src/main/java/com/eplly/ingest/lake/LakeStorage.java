package com.eplly.ingest.lake;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The file system under the lake root: local folders, or a Hadoop {@code FileSystem} (HDFS, S3).
 * Paths are relative to the root and use {@code /}.
 */
public interface LakeStorage {

  /** Names of the finished files in a folder (temporary files excluded); empty when it does not exist. */
  List<String> listFiles(String relativeDir) throws IOException;

  /**
   * Makes {@code relativeDir/fileName} hold exactly {@code lines}, one per line, all or nothing:
   * written under a temporary name, flushed to stable storage, then renamed atomically.
   */
  void publish(String relativeDir, String fileName, List<byte[]> lines) throws IOException;

  /**
   * Deletes the temporary files of Kafka partition {@code partition} in one folder, left there by a
   * writer that crashed; returns how many. Only the partition's owner may call it, before writing
   * the partition into the folder, so no file still being written is touched.
   */
  int deleteTemporaryFiles(String relativeDir, int partition) throws IOException;

  /**
   * A real write under the lake root (create, write, flush to stable storage, rename and delete a
   * small temporary file): empty when it worked, else what failed. A full, read-only or vanished
   * lake fails it even where permissions say writable.
   */
  Optional<String> writeProblem();

  /** Whether a file could be written now (see {@link #writeProblem}). */
  default boolean isWritable() {
    return writeProblem().isEmpty();
  }

  /** Where the lake root is, for logs and health details. */
  String location();
}
