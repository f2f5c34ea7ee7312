package com.eplly.generator.lake;

import com.eplly.contracts.lake.LakeLayout;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One lake dataset written the way ingest writes it from Kafka: records get consecutive offsets
 * per partition, are taken in batches of a poll's size, and every batch becomes one file per
 * (partition, hour), named by its first and last offset ({@link LakeLayout}).
 */
final class PartitionedFiles<T> implements AutoCloseable {

  private static final long HOUR_MS = 3_600_000L;

  private final Path datasetFolder;
  private final int batchSize;
  private final ToIntFunction<T> partitionOf;
  private final ToLongFunction<T> hourTimeOf;
  private final Function<T, byte[]> encoder;
  private final long[] nextOffset;
  private final List<List<Offset<T>>> batches = new ArrayList<>();
  private final Map<Long, String> hourFolders = new HashMap<>();
  private long records;
  private int files;

  private record Offset<T>(long offset, T value) {}

  PartitionedFiles(Path datasetFolder, int partitions, int batchSize, ToIntFunction<T> partitionOf,
      ToLongFunction<T> hourTimeOf, Function<T, byte[]> encoder) {
    this.datasetFolder = datasetFolder;
    this.batchSize = batchSize;
    this.partitionOf = partitionOf;
    this.hourTimeOf = hourTimeOf;
    this.encoder = encoder;
    this.nextOffset = new long[partitions];
    for (int p = 0; p < partitions; p++) {
      batches.add(new ArrayList<>(batchSize));
    }
  }

  void add(T value) throws IOException {
    int partition = partitionOf.applyAsInt(value);
    List<Offset<T>> batch = batches.get(partition);
    batch.add(new Offset<>(nextOffset[partition]++, value));
    records++;
    if (batch.size() >= batchSize) {
      flush(partition);
    }
  }

  long records() {
    return records;
  }

  int files() {
    return files;
  }

  /** Writes what the partitions still hold. */
  @Override
  public void close() throws IOException {
    for (int p = 0; p < batches.size(); p++) {
      flush(p);
    }
  }

  private void flush(int partition) throws IOException {
    Map<String, List<Offset<T>>> byHour = new LinkedHashMap<>();
    for (Offset<T> r : batches.get(partition)) {
      String folder = hourFolders.computeIfAbsent(Math.floorDiv(hourTimeOf.applyAsLong(r.value()), HOUR_MS),
          h -> LakeLayout.hourFolder(h * HOUR_MS));
      byHour.computeIfAbsent(folder, f -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<Offset<T>>> file : byHour.entrySet()) {
      List<Offset<T>> lines = file.getValue();
      write(file.getKey(), LakeLayout.fileName(partition, lines.get(0).offset(), lines.get(lines.size() - 1).offset()),
          lines);
    }
    batches.get(partition).clear();
  }

  /** Written under a temporary name and renamed, so a reader never sees half a file. */
  private void write(String hourFolder, String fileName, List<Offset<T>> lines) throws IOException {
    Path dir = datasetFolder.resolve(hourFolder);
    Files.createDirectories(dir);
    Path tmp = dir.resolve(LakeLayout.TEMP_PREFIX + fileName);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      for (Offset<T> line : lines) {
        out.write(encoder.apply(line.value()));
        out.write('\n');
      }
    }
    Files.move(tmp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    files++;
  }
}
