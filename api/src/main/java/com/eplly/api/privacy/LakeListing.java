package com.eplly.api.privacy;

import com.eplly.contracts.lake.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One dataset's readable files in a local lake, as the recommender's {@code LakeFiles} lists them:
 * finished JSONL files that hold events (not {@code _tmp-…} files being written, not the empty
 * markers compaction leaves) and the compacted hours' Parquet files.
 *
 * <p>JSONL first, then Parquet: compaction puts an hour's Parquet in place before it deletes the
 * hour's JSONL, so a JSONL file gone by the time it is read belonged to an hour whose Parquet the
 * second listing sees ({@link #vanished} tells the caller to list again).
 *
 * @param jsonl   JSONL files with events, sorted
 * @param parquet compacted hours' Parquet files, sorted
 */
record LakeListing(List<Path> jsonl, List<Path> parquet) {

  LakeListing {
    jsonl = List.copyOf(jsonl);
    parquet = List.copyOf(parquet);
  }

  static LakeListing of(Path root, String dataset) {
    List<Path> jsonl = files(root.resolve(dataset)).stream().filter(LakeListing::holdsEvents).toList();
    List<Path> parquet = files(root.resolve(LakeLayout.compactedDataset(dataset))).stream()
        .filter(f -> f.getFileName().toString().equals(LakeLayout.COMPACTED_FILE)).toList();
    return new LakeListing(jsonl, parquet);
  }

  /** Whether a listed file is gone (compaction retired it, or rewrote an hour) since the listing. */
  boolean vanished() {
    return Stream.concat(jsonl.stream(), parquet.stream()).anyMatch(f -> !Files.exists(f));
  }

  int size() {
    return jsonl.size() + parquet.size();
  }

  private static boolean holdsEvents(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith(LakeLayout.TEMP_PREFIX) || LakeLayout.parseFileName(name).isEmpty()) {
      return false;
    }
    try {
      return Files.size(file) > 0;
    } catch (NoSuchFileException e) {
      return false; // retired by compaction while listed: its events are in the hour's Parquet
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file + ": " + e.getMessage(), e);
    }
  }

  /** Regular files under {@code folder}, sorted; none when it does not exist. */
  private static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> found = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
      found.sort(null);
      return found;
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getCause().getMessage(), e.getCause());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}
