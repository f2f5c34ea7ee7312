package com.eplly.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends batches to the event lake exactly once: plans which records are new, then publishes one
 * atomic file per (partition, hour). Offsets may be committed only after {@link #write} returned.
 * Start-up touches nothing: crash leftovers are removed folder by folder as partitions are written.
 */
public final class LakeWriter {

  private static final Logger log = LoggerFactory.getLogger(LakeWriter.class);

  private static final int MAX_CLEANED = 50_000;

  private final LakeStorage storage;
  private final OffsetIndex index;
  private final Set<Cleaned> cleaned = ConcurrentHashMap.newKeySet();

  public LakeWriter(LakeStorage storage) {
    this.storage = storage;
    this.index = new OffsetIndex(storage);
  }

  /** The files this batch adds to {@code dataset}, leaving out records an earlier run already wrote. */
  public <T> LakePlan<T> plan(String dataset, List<LakeRecord<T>> records) {
    return LakePlanner.plan(dataset, records, index);
  }

  /** Publishes the planned files; returns how many. Throws when any file could not be written. */
  public <T> int write(LakePlan<T> plan, Function<T, byte[]> encoder) {
    for (PlannedLakeFile<T> file : plan.files()) {
      List<byte[]> lines = new ArrayList<>(file.records().size());
      for (LakeRecord<T> r : file.records()) {
        lines.add(encoder.apply(r.value()));
      }
      try {
        deleteStaleTemporaryFiles(file);
        storage.publish(file.relativeDir(), file.fileName(), lines);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write lake file " + file.relativeDir() + "/" + file.fileName(), e);
      }
      index.written(file.dataset(), file.partition(), file.hourFolder(), file.lastOffset());
    }
    return plan.files().size();
  }

  /**
   * Before a partition's first file in a folder, deletes that partition's temporary files there: a
   * crashed writer left them where its replay writes again. Only the partition's owner (this thread)
   * writes its temporary files, so none being written is touched; folders the process never writes
   * keep their leftovers, which every reader skips by their prefix.
   */
  private void deleteStaleTemporaryFiles(PlannedLakeFile<?> file) throws IOException {
    Cleaned key = new Cleaned(file.relativeDir(), file.partition());
    if (cleaned.contains(key)) {
      return;
    }
    int deleted = storage.deleteTemporaryFiles(file.relativeDir(), file.partition());
    if (deleted > 0) {
      log.info("Deleted {} unfinished temporary file(s) of partition {} under {}/{}", deleted, file.partition(),
          storage.location(), file.relativeDir());
    }
    if (cleaned.size() > MAX_CLEANED) {
      cleaned.clear(); // forgetting only costs one more folder listing per (folder, partition)
    }
    cleaned.add(key);
  }

  /** A (folder, partition) whose stale temporary files were deleted by this process. */
  private record Cleaned(String relativeDir, int partition) {}

  /** Forgets cached offsets of partitions that changed owner (see {@link OffsetIndex#forget}). */
  public void forget(String dataset, Collection<Integer> partitions) {
    index.forget(dataset, partitions);
  }

  public LakeStorage storage() {
    return storage;
  }
}
