package com.eplly.ingest.lake;

import com.eplly.contracts.lake.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, per (dataset, partition, hour folder), the highest Kafka offset already in the lake.
 * Filled lazily by listing that one folder's finished file names, so a restart or a replay with a
 * fresh consumer group finds what earlier runs wrote; forgotten when a partition changes owner.
 */
public final class OffsetIndex implements HighWaterMarks {

  /** Hours x partitions kept in memory; an evicted entry is simply listed again. */
  private static final int MAX_ENTRIES = 10_000;

  private final LakeStorage storage;
  private final Map<Key, Long> highest = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  public OffsetIndex(LakeStorage storage) {
    this.storage = storage;
  }

  @Override
  public long highestWritten(String dataset, int partition, String hourFolder) {
    Key key = new Key(dataset, partition, hourFolder);
    synchronized (highest) {
      Long known = highest.get(key);
      if (known != null) {
        return known;
      }
    }
    long found = scan(key);
    synchronized (highest) {
      highest.merge(key, found, Math::max);
      return highest.get(key);
    }
  }

  /** Records that a file now holds offsets up to {@code lastOffset}. */
  public void written(String dataset, int partition, String hourFolder, long lastOffset) {
    synchronized (highest) {
      highest.merge(new Key(dataset, partition, hourFolder), lastOffset, Math::max);
    }
  }

  /** Drops what is known about these partitions; another instance may have written them meanwhile. */
  public void forget(String dataset, Collection<Integer> partitions) {
    synchronized (highest) {
      highest.keySet().removeIf(k -> k.dataset().equals(dataset) && partitions.contains(k.partition()));
    }
  }

  private long scan(Key key) {
    try {
      long max = -1;
      for (String name : storage.listFiles(key.dataset() + "/" + key.hourFolder())) {
        var range = LakeLayout.parseFileName(name);
        if (range.isPresent() && range.get().partition() == key.partition()) {
          max = Math.max(max, range.get().last());
        }
      }
      return max;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list lake folder " + key.dataset() + "/" + key.hourFolder(), e);
    }
  }

  private record Key(String dataset, int partition, String hourFolder) {}
}
