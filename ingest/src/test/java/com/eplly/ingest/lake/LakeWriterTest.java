package com.eplly.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.lake.LakeLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lake's exactly-once rules, held by both storages: java.nio and a Hadoop FileSystem ({@code file://}). */
class LakeWriterTest {

  static Stream<Arguments> storages() {
    return Stream.of(
        Arguments.of(Named.of("local", (Function<Path, LakeStorage>) LocalLakeStorage::new)),
        Arguments.of(Named.of("hadoop", (Function<Path, LakeStorage>) p -> new HadoopLakeStorage(p.toUri(), Map.of()))));
  }

  private static final long T = Instant.parse("2026-11-27T08:30:00Z").toEpochMilli();

  @TempDir
  Path root;

  private static List<LakeRecord<String>> offsets(int partition, long from, long to) {
    List<LakeRecord<String>> out = new ArrayList<>();
    for (long o = from; o <= to; o++) {
      out.add(new LakeRecord<>(partition, o, T + o * 60_000, "event-" + partition + "-" + o));
    }
    return out;
  }

  private static void write(LakeWriter lake, List<LakeRecord<String>> batch) {
    lake.write(lake.plan(LakeLayout.PAGE_VIEWS, batch), s -> s.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> allLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        assertThat(p.getFileName().toString()).doesNotStartWith(LakeLayout.TEMP_PREFIX);
        lines.addAll(Files.readAllLines(p));
      }
    }
    return lines;
  }

  @ParameterizedTest
  @MethodSource("storages")
  void replayWithOtherBatchBoundariesAfterRestartAddsNoDuplicates(Function<Path, LakeStorage> storage) throws IOException {
    LakeWriter first = new LakeWriter(storage.apply(root));
    write(first, offsets(0, 0, 49));   // spans 08:30..09:19, two hour folders
    write(first, offsets(0, 50, 99));
    write(first, offsets(1, 0, 29));

    LakeWriter restarted = new LakeWriter(storage.apply(root)); // nothing cached
    write(restarted, offsets(0, 0, 7));
    write(restarted, offsets(0, 8, 120)); // 100..120 are new
    write(restarted, offsets(1, 0, 29));

    List<String> lines = allLines();
    assertThat(lines).hasSize(121 + 30).doesNotHaveDuplicates();
    assertThat(lines).contains("event-0-120", "event-1-29");
  }

  @ParameterizedTest
  @MethodSource("storages")
  void firstWriteOfAPartitionIntoAFolderDeletesThatPartitionsStaleTemporaryFilesThere(Function<Path, LakeStorage> storage)
      throws IOException {
    Path hourDir = root.resolve(LakeLayout.PAGE_VIEWS).resolve(LakeLayout.hourFolder(T));
    Path laterHourDir = root.resolve(LakeLayout.PAGE_VIEWS).resolve(LakeLayout.hourFolder(T + 7_200_000L));
    Files.createDirectories(hourDir);
    Files.createDirectories(laterHourDir);
    Path stale = hourDir.resolve(LakeLayout.TEMP_PREFIX + LakeLayout.fileName(0, 4, 9));
    Path otherPartition = hourDir.resolve(LakeLayout.TEMP_PREFIX + LakeLayout.fileName(1, 4, 9));
    Path otherFolder = laterHourDir.resolve(LakeLayout.TEMP_PREFIX + LakeLayout.fileName(0, 200, 209));
    for (Path p : List.of(stale, otherPartition, otherFolder)) {
      Files.writeString(p, "half a file");
    }

    LakeWriter lake = new LakeWriter(storage.apply(root)); // start-up: touches nothing
    assertThat(stale).exists();
    assertThat(storage.apply(root).listFiles(LakeLayout.PAGE_VIEWS + "/" + LakeLayout.hourFolder(T))).isEmpty();

    write(lake, offsets(0, 0, 3)); // partition 0's first file in this hour
    assertThat(stale).doesNotExist();
    assertThat(otherPartition).exists(); // partition 1 may be mid-write in another thread or instance
    assertThat(otherFolder).exists();    // not written by this process (yet); readers skip it by its prefix
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(LakeLayout.TEMP_PREFIX))
          .flatMap(p -> {
            try {
              return Files.readAllLines(p).stream();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).toList()).containsExactly("event-0-0", "event-0-1", "event-0-2", "event-0-3");
    }
  }

  @ParameterizedTest
  @MethodSource("storages")
  void forgettingAPartitionRereadsWhatAnotherWriterAdded(Function<Path, LakeStorage> storage) {
    LakeWriter a = new LakeWriter(storage.apply(root));
    LakeWriter b = new LakeWriter(storage.apply(root));
    write(a, offsets(0, 0, 5));
    assertThat(a.plan(LakeLayout.PAGE_VIEWS, offsets(0, 0, 9)).newCount()).isEqualTo(4);

    write(b, offsets(0, 6, 9)); // the partition moved to instance b meanwhile
    a.forget(LakeLayout.PAGE_VIEWS, List.of(0));

    assertThat(a.plan(LakeLayout.PAGE_VIEWS, offsets(0, 0, 9)).newCount()).isZero();
  }
}
