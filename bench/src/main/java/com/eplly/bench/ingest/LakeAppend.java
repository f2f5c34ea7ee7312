package com.eplly.bench.ingest;

import com.eplly.contracts.lake.LakeLayout;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends lake lines the way ingest's local lake storage publishes a file, and nothing else: a
 * temporary file written through a 64 KiB buffer, fsynced, renamed into place, its folder fsynced.
 * The ceiling's lake stage, so the same durability is charged as in ingest.
 */
final class LakeAppend {

  private final Path datasetRoot;

  LakeAppend(Path datasetRoot) {
    this.datasetRoot = datasetRoot;
  }

  /** Publishes one file of a partition's offsets {@code first..last} in the hour folder {@code hourFolder}. */
  void publish(String hourFolder, int partition, long first, long last, List<byte[]> lines) {
    try {
      Path dir = datasetRoot.resolve(hourFolder);
      Files.createDirectories(dir);
      String name = LakeLayout.fileName(partition, first, last);
      Path tmp = dir.resolve(LakeLayout.TEMP_PREFIX + name);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        for (byte[] line : lines) {
          out.write(line);
          out.write('\n');
        }
        out.flush();
        channel.force(true);
      }
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
        folder.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
