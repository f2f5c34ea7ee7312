package com.eplly.recommender.compact;

import com.eplly.recommender.lake.LakeException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One compaction at a time per lake ({@code compacted/_compact.lock}, created only if absent): two
 * runs retiring the same hour's JSONL could each read files the other had just emptied.
 */
final class CompactionLock implements AutoCloseable {

  static final String FILE = "_compact.lock";

  private final Path file;
  private final FileSystem fs;

  private CompactionLock(Path file, FileSystem fs) {
    this.file = file;
    this.fs = fs;
  }

  /**
   * @param breakLock remove a lock left by a run that died (the operator says none is running)
   * @throws CompactionLockedException when another run holds the lock
   */
  static CompactionLock take(Path compactedRoot, Configuration hadoop, boolean breakLock) {
    Path file = new Path(compactedRoot, FILE);
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      if (breakLock) {
        fs.delete(file, false);
      }
      try (OutputStream out = fs.create(file, false)) {
        out.write((ManagementFactory.getRuntimeMXBean().getName() + " since " + Instant.now() + "\n")
            .getBytes(StandardCharsets.UTF_8));
      } catch (FileAlreadyExistsException e) {
        throw new CompactionLockedException("another reco compact holds " + file + " ("
            + holder(fs, file) + "); if none is running (a run that was killed), pass --break-lock");
      }
      return new CompactionLock(file, fs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take " + file + ": " + e.getMessage(), e);
    }
  }

  private static String holder(FileSystem fs, Path file) {
    try (var in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "unreadable";
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(file, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + file + ": " + e.getMessage(), e);
    }
  }

  /** Another compaction runs (or died holding the lock). */
  static final class CompactionLockedException extends LakeException {
    CompactionLockedException(String message) {
      super(message);
    }
  }
}
