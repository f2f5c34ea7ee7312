package com.eplly.deploy.lake;

import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.lake.LakeLayout.OffsetRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How far ingest has written the lake. {@link #offsetsCovered} judges from finished file names only
 * (cheap to poll); {@link #lines} reads the files and counts records exactly.
 *
 * <p>Why a union rather than a plain sum of the ranges in the names: one Kafka batch may be split
 * into several hour folders, and since events of neighbouring hours interleave within a partition,
 * the offset ranges of those files overlap. A sum would overcount; the union per partition counts
 * each offset once.
 */
public final class LakeProgress {

  private LakeProgress() {}

  /** Kafka offsets covered by the file names that follow {@link LakeLayout}; temp and other files are ignored. */
  public static long offsetsCovered(Collection<String> fileNames) {
    Map<Integer, List<OffsetRange>> byPartition = fileNames.stream()
        .filter(n -> !n.startsWith(LakeLayout.TEMP_PREFIX))
        .map(LakeLayout::parseFileName)
        .flatMap(java.util.Optional::stream)
        .collect(Collectors.groupingBy(OffsetRange::partition));
    long total = 0;
    for (List<OffsetRange> ranges : byPartition.values()) {
      List<OffsetRange> sorted = new ArrayList<>(ranges);
      sorted.sort(Comparator.comparingLong(OffsetRange::first));
      long coveredUpTo = -1; // last offset counted so far
      for (OffsetRange r : sorted) {
        long from = Math.max(r.first(), coveredUpTo + 1);
        if (r.last() >= from) {
          total += r.last() - from + 1;
          coveredUpTo = r.last();
        }
      }
    }
    return total;
  }

  /** Offsets covered under {@code {lakeRoot}/{dataset}}; zero when the folder does not exist yet. */
  public static long offsetsCovered(Path lakeRoot, String dataset) {
    return offsetsCovered(finishedFiles(lakeRoot.resolve(dataset)).stream().map(p -> p.getFileName().toString()).toList());
  }

  /** Records (non-blank lines) in the finished files under {@code {lakeRoot}/{dataset}}. */
  public static long lines(Path lakeRoot, String dataset) {
    long n = 0;
    for (Path file : finishedFiles(lakeRoot.resolve(dataset))) {
      try (Stream<String> lines = Files.lines(file)) {
        n += lines.filter(l -> !l.isBlank()).count();
      } catch (NoSuchFileException e) {
        // replaced by a replay between listing and reading: counted on the next poll
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read lake file " + file, e);
      }
    }
    return n;
  }

  /** Finished lake files under a dataset folder (recursively), sorted by path. */
  public static List<Path> finishedFiles(Path datasetRoot) {
    if (!Files.isDirectory(datasetRoot)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(datasetRoot)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> LakeLayout.parseFileName(p.getFileName().toString()).isPresent())
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      // A file renamed away mid-walk (ingest finishing a temp file) is not an error: poll again.
      return List.of();
    }
  }
}
