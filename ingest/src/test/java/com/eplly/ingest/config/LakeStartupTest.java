package com.eplly.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.lake.LakeLayout;
import com.eplly.ingest.lake.LakeRecord;
import com.eplly.ingest.lake.LakeWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Start-up on a big lake: opening the lake reads nothing of it (no walk), so it serves in the same
 * time on 100k files as on none; the time is printed, the bound is asserted structurally.
 */
class LakeStartupTest {

  private static final int HOURS = 100;
  private static final int FILES_PER_HOUR = 1_000;
  private static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  @TempDir
  Path lake;

  @Test
  void startUpOnALakeOf100kFilesTouchesNoneOfThemAndCleansOnlyWhereItWrites() throws IOException {
    long g = System.nanoTime();
    byte[] line = "{\"x\":1}\n".getBytes(StandardCharsets.UTF_8);
    for (int h = 0; h < HOURS; h++) {
      Path dir = lake.resolve(LakeLayout.PAGE_VIEWS).resolve(LakeLayout.hourFolder(T0 + h * 3_600_000L));
      Files.createDirectories(dir);
      Path source = Files.write(dir.resolve(LakeLayout.fileName(9, 0, 0)), line); // a file system caps links per inode
      for (int f = 0; f < FILES_PER_HOUR - 2; f++) {
        Files.createLink(dir.resolve(LakeLayout.fileName(f % 4, f * 10L, f * 10L + 9)), source); // one syscall a file
      }
      // one crash leftover per hour, of partition 0
      Files.write(dir.resolve(LakeLayout.TEMP_PREFIX + LakeLayout.fileName(0, 99_990, 99_999)), line);
    }
    System.out.printf("generated %d lake files in %d ms%n", HOURS * FILES_PER_HOUR,
        Duration.ofNanos(System.nanoTime() - g).toMillis());

    long t = System.nanoTime();
    LakeWriter writer = new LakeConfig().lakeWriter(new IngestProperties(null, ingest(lake.toString())));
    long startMs = Duration.ofNanos(System.nanoTime() - t).toMillis();
    System.out.printf("lake start-up on %d files: %d ms%n", HOURS * FILES_PER_HOUR, startMs);
    assertThat(temporaryFiles()).hasSize(HOURS); // start-up deleted (so visited) nothing

    long w = System.nanoTime();
    writer.write(writer.plan(LakeLayout.PAGE_VIEWS, List.of(new LakeRecord<>(0, 200_000L, T0 + 5 * 3_600_000L + 1, "v"))),
        s -> s.getBytes(StandardCharsets.UTF_8));
    System.out.printf("first write (lists one hour folder of %d files): %d ms%n", FILES_PER_HOUR,
        Duration.ofNanos(System.nanoTime() - w).toMillis());
    List<Path> left = temporaryFiles();
    assertThat(left).hasSize(HOURS - 1)
        .noneMatch(p -> p.getParent().endsWith(Path.of(LakeLayout.hourFolder(T0 + 5 * 3_600_000L))));
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> all = Files.walk(lake)) {
      return all.filter(p -> p.getFileName().toString().startsWith(LakeLayout.TEMP_PREFIX)).toList();
    }
  }

  private static IngestProperties.Ingest ingest(String lakePath) {
    IngestProperties.Kafka kafka = new IngestProperties.Kafka("g", 1, 1, 10, DataSize.ofBytes(1), Duration.ofMillis(100),
        DataSize.ofMegabytes(1), Duration.ofMillis(100), Duration.ofSeconds(1));
    return new IngestProperties.Ingest(lakePath, IngestProperties.LakeStorageKind.LOCAL, Map.of(), kafka, null, null,
        null, null, Duration.ofSeconds(30), false, Duration.ofSeconds(5));
  }
}
