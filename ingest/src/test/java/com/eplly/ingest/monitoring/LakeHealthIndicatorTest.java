package com.eplly.ingest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.testing.MutableClock;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.lake.HadoopLakeStorage;
import com.eplly.ingest.lake.LakeStorage;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.lake.LocalLakeStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/**
 * The lake health writes for real. Tests run as root here, where permission bits refuse nothing, so
 * the refusals are real kernel ones: {@code /proc} (the permission check passes for root, creating a
 * file there fails) and, where this process may mount, a full 64 KiB tmpfs (ENOSPC on write).
 */
class LakeHealthIndicatorTest {

  static Stream<Arguments> storages() {
    return Stream.of(
        Arguments.of(Named.of("local", (Function<Path, LakeStorage>) LocalLakeStorage::new)),
        Arguments.of(Named.of("hadoop", (Function<Path, LakeStorage>) p -> new HadoopLakeStorage(p.toUri(), Map.of()))));
  }

  @TempDir
  Path dir;

  @ParameterizedTest
  @MethodSource("storages")
  void aFolderWherePermissionsAllowButTheKernelRefusesFilesIsDown(Function<Path, LakeStorage> storage) {
    Path proc = Path.of("/proc");
    assertThat(proc).as("needs Linux /proc").isDirectory();
    LakeStorage lake = storage.apply(proc);
    assertThat(lake.isWritable()).isFalse();
    Health health = indicator(lake, Clock.systemUTC()).health(true);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsKey("error");
  }

  @ParameterizedTest
  @MethodSource("storages")
  @Tag("slow") // mounts a tmpfs with a child process
  void aFullFileSystemIsDown(Function<Path, LakeStorage> storage) throws Exception {
    Path mount = Files.createDirectories(dir.resolve("tiny"));
    // Fails rather than skips: CI runs as root on this machine kind, where mounting works.
    assertThat(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()))
        .as("mount a 64 KiB tmpfs (needs root / CAP_SYS_ADMIN)").isTrue();
    try {
      try (OutputStream out = Files.newOutputStream(mount.resolve("filler"))) {
        byte[] block = new byte[4096];
        for (int i = 0; i < 1_000; i++) {
          out.write(block);
          out.flush();
        }
      } catch (IOException full) {
        // ENOSPC: the file system is now full
      }
      assertThat(Files.isWritable(mount)).isTrue(); // what the old permission-only check looked at
      LakeStorage lake = storage.apply(mount);
      assertThat(lake.writeProblem()).isPresent();
      assertThat(indicator(lake, Clock.systemUTC()).health(true).getStatus()).isEqualTo(Status.DOWN);
      try (Stream<Path> files = Files.list(mount)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("filler"); // no probe left behind
      }
    } finally {
      run("umount", mount.toString());
    }
  }

  @Test
  void aWritableLakeIsUpLeavesNothingBehindAndTheProbeIsReusedForTheInterval() throws IOException {
    Path root = dir.resolve("lake");
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    LakeHealthIndicator health = indicator(new LocalLakeStorage(root), clock);
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
    try (Stream<Path> files = Files.list(root)) {
      assertThat(files).isEmpty();
    }

    // the lake vanishes under a regular file: writes fail from now on
    Files.delete(root);
    Files.writeString(root, "not a folder");
    clock.advance(Duration.ofSeconds(4));
    assertThat(health.health(true).getStatus()).as("within the interval: the cached probe").isEqualTo(Status.UP);
    clock.advance(Duration.ofSeconds(1));
    assertThat(health.health(true).getStatus()).as("interval over: probed again").isEqualTo(Status.DOWN);
  }

  @Test
  void aProbeLeftByACrashedProcessIsRemovedOnceAbandoned() throws IOException {
    Path root = Files.createDirectories(dir.resolve("lake"));
    Path leftover = root.resolve(LakeLayout.TEMP_PREFIX + "probe-crashed");
    Files.writeString(leftover, "x");
    Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    assertThat(new LocalLakeStorage(root).isWritable()).isTrue();
    assertThat(leftover).doesNotExist();
  }

  private static LakeHealthIndicator indicator(LakeStorage storage, Clock clock) {
    IngestProperties.Ingest ingest = new IngestProperties.Ingest("x", IngestProperties.LakeStorageKind.LOCAL, Map.of(),
        new IngestProperties.Kafka("g", 1, 1, 10, DataSize.ofBytes(1), Duration.ofMillis(100), DataSize.ofMegabytes(1),
            Duration.ofMillis(100), Duration.ofSeconds(1)), null, null, null, null, Duration.ofSeconds(30), false, Duration.ofSeconds(5));
    return new LakeHealthIndicator(new LakeWriter(storage), clock, new IngestProperties(null, ingest));
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
