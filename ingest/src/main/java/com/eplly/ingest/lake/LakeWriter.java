package com.eplly.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends batches to the event lake exactly once: plans which records are new, then publishes one
 * atomic file per (partition, hour). Offsets may be committed only after {@link #write} returned.
 */
public final class LakeWriter {

  private static final Logger log = LoggerFactory.getLogger(LakeWriter.class);

  private final LakeStorage storage;
  private final OffsetIndex index;

  public LakeWriter(LakeStorage storage) {
    this.storage = storage;
    this.index = new OffsetIndex(storage);
  }

  /** Removes temporary files of a previous crash; called once before consuming starts. */
  public void cleanUp() {
    try {
      int deleted = storage.deleteTemporaryFiles();
      if (deleted > 0) {
        log.info("Deleted {} unfinished temporary file(s) under {}", deleted, storage.location());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean temporary files under " + storage.location(), e);
    }
  }

  /** The files this batch adds to {@code dataset}, leaving out records an earlier run already wrote. */
  public <T> LakePlan<T> plan(String dataset, List<LakeRecord<T>> records) {
    return LakePlanner.plan(dataset, records, index);
  }

  /** Publishes the planned files; returns how many. Throws when any file could not be written. */
  public <T> int write(LakePlan<T> plan, Function<T, byte[]> encoder) {
    for (LakeFile<T> file : plan.files()) {
      List<byte[]> lines = new ArrayList<>(file.records().size());
      for (LakeRecord<T> r : file.records()) {
        lines.add(encoder.apply(r.value()));
      }
      try {
        storage.publish(file.relativeDir(), file.fileName(), lines);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write lake file " + file.relativeDir() + "/" + file.fileName(), e);
      }
      index.written(file.dataset(), file.partition(), file.hourFolder(), file.lastOffset());
    }
    return plan.files().size();
  }

  /** Forgets cached offsets of partitions that changed owner (see {@link OffsetIndex#forget}). */
  public void forget(String dataset, Collection<Integer> partitions) {
    index.forget(dataset, partitions);
  }

  public LakeStorage storage() {
    return storage;
  }
}
