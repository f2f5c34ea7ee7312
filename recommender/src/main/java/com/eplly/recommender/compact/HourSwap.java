package com.eplly.recommender.compact;

import com.eplly.contracts.lake.LakeLayout;
import com.eplly.recommender.lake.LakeFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The two file steps of compacting an hour, each safe to crash in and to repeat: {@link #commit}
 * puts the new Parquet in place with one rename that replaces the old one, then {@link #retire}
 * removes the JSONL files it was made from, leaving per Kafka partition an empty marker under the
 * highest offsets' name, so ingest's "already in the lake" check ({@code OffsetIndex}: the highest
 * offset named in the hour folder) answers exactly as before.
 *
 * <p>On a local disk the Parquet is fsynced before its rename and the folder after it, and the
 * JSONL folder after the markers, so a power cut cannot leave the JSONL gone and the Parquet not yet
 * on disk. On HDFS the rename is a NameNode edit, atomic and logged. Object stores have no rename:
 * there the replacement is a copy and the hour can be briefly missing for a reader.
 */
final class HourSwap {

  private static final String MARKER_TEMP_PREFIX = "_compact-";

  private final Path root;
  private final Configuration hadoop;

  HourSwap(Path root, Configuration hadoop) {
    this.root = root;
    this.hadoop = hadoop;
  }

  /** Where an hour's Parquet lives: {@code {root}/compacted/{dataset}/date=…/hour=…/part-00000.parquet}. */
  Path parquetOf(String dataset, String hourFolder) {
    return new Path(new Path(root, LakeLayout.compactedDataset(dataset) + "/" + hourFolder), LakeLayout.COMPACTED_FILE);
  }

  /**
   * Makes {@code written} the hour's Parquet (replacing any older one in one rename), or, when the
   * hour kept no event (all erased), deletes the hour's Parquet.
   */
  void commit(CompactHour hour, Optional<Path> written) {
    Path target = parquetOf(hour.dataset(), hour.hourFolder());
    try {
      FileSystem fs = target.getFileSystem(hadoop);
      if (isLocal(target)) {
        // a checksum file of the previous Parquet would not match the new one
        Files.deleteIfExists(local(crcOf(target)));
      }
      if (written.isEmpty()) {
        fs.delete(target, false);
        return;
      }
      fs.mkdirs(target.getParent());
      if (isLocal(target)) {
        fsync(local(written.get()));
        Files.move(local(written.get()), local(target), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsync(local(target.getParent()));
        fsync(local(target.getParent().getParent()));
      } else {
        FileContext.getFileContext(target.toUri(), hadoop).rename(written.get(), target, Options.Rename.OVERWRITE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put " + target + " in place: " + e.getMessage(), e);
    }
  }

  /**
   * Removes the JSONL files the hour's Parquet was made from: per Kafka partition the file with
   * the highest offsets becomes an empty marker, the others are deleted. Files ingest added since
   * the run listed the hour are not in {@code hour.jsonl()} and stay. Returns how many files it
   * deleted or emptied (an hour rewritten for an erasure usually has only its markers: none).
   */
  int retire(CompactHour hour) {
    Map<Integer, List<LakeFile>> byPartition = hour.jsonl().stream()
        .collect(Collectors.groupingBy(f -> f.offsets().partition()));
    int changed = 0;
    try {
      for (List<LakeFile> files : byPartition.values()) {
        LakeFile highest = files.stream().max(Comparator.comparingLong(f -> f.offsets().last())).orElseThrow();
        if (highest.holdsEvents()) {
          empty(new Path(highest.path()));
          changed++;
        }
        for (LakeFile f : files) {
          if (f != highest) {
            Path p = new Path(f.path());
            p.getFileSystem(hadoop).delete(p, false);
            changed++;
          }
        }
      }
      if (!hour.jsonl().isEmpty() && isLocal(new Path(hour.jsonl().get(0).path()))) {
        fsync(local(new Path(hour.jsonl().get(0).path()).getParent()));
      }
      return changed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot retire the JSONL files of " + hour.dataset() + "/" + hour.hourFolder()
          + ": " + e.getMessage(), e);
    }
  }

  /** Replaces a file by an empty one of the same name in one rename (readers see it whole or empty). */
  private void empty(Path file) throws IOException {
    Path temp = new Path(file.getParent(), MARKER_TEMP_PREFIX + file.getName());
    if (isLocal(file)) {
      Files.write(local(temp), new byte[0]);
      Files.move(local(temp), local(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else {
      FileContext fc = FileContext.getFileContext(file.toUri(), hadoop);
      fc.create(temp, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE)).close();
      fc.rename(temp, file, Options.Rename.OVERWRITE);
    }
  }

  private static Path crcOf(Path file) {
    return new Path(file.getParent(), "." + file.getName() + ".crc");
  }

  private static boolean isLocal(Path p) {
    return "file".equals(p.toUri().getScheme());
  }

  private static java.nio.file.Path local(Path p) {
    return java.nio.file.Path.of(p.toUri());
  }

  private static void fsync(java.nio.file.Path p) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
