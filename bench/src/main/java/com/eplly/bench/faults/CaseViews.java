package com.eplly.bench.faults;

import com.eplly.contracts.event.PageView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/**
 * Page views of one fault case, on ids no other case (and no earlier run) uses, so that the live
 * state they should produce in Redis can be computed exactly: each view counts 1 in its article's
 * trending bucket, and each reader's recent-reads list holds one entry per view (below the cap).
 *
 * <p>Every reader id is chosen so that its key lands on one given {@code page-views} partition
 * (Kafka's default partitioner: murmur2 of the key bytes), so a record that stalls one case's
 * partition does not stall the next case's views.
 *
 * @param views in sending order: view k of every reader before view k+1 of any
 */
public record CaseViews(String prefix, List<PageView> views) {

  /**
   * @param prefix         id prefix unique to the case and run, e.g. {@code f3-9c1e2a}
   * @param readers        readers, one session each
   * @param viewsPerReader views per reader (keep it under the reader cap, 100 by default)
   * @param articles       articles; view k of reader i reads article (i + k) mod articles
   * @param partition      the {@code page-views} partition every reader's key must land on
   * @param partitions     partitions of {@code page-views}
   * @param startMs        timestamp of the first view; later views are 1 ms apart
   */
  public static CaseViews generate(String prefix, int readers, int viewsPerReader, int articles, int partition, int partitions,
      long startMs) {
    List<String> readerIds = readersOn(prefix, readers, partition, partitions);
    List<PageView> views = new ArrayList<>(readers * viewsPerReader);
    long ts = startMs;
    for (int k = 0; k < viewsPerReader; k++) {
      for (int i = 0; i < readers; i++) {
        String reader = readerIds.get(i);
        views.add(new PageView(UUID.randomUUID().toString(), reader, prefix + "-a" + ((i + k) % articles),
            reader.replace("-r", "-s"), ts++, null, 1_000L + k));
      }
    }
    return new CaseViews(prefix, views);
  }

  /** {@code count} reader ids {@code {prefix}-r{n}} whose keys the default partitioner puts on {@code partition}. */
  static List<String> readersOn(String prefix, int count, int partition, int partitions) {
    List<String> ids = new ArrayList<>(count);
    for (int n = 0; ids.size() < count; n++) {
      String id = prefix + "-r" + n;
      if (partitionOf(id, partitions) == partition) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The partition Kafka's default partitioner picks for a record with this key. */
  public static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** The first {@code n} views. */
  public CaseViews first(int n) {
    return new CaseViews(prefix, views.subList(0, n));
  }

  /** The views after the first {@code n}. */
  public CaseViews after(int n) {
    return new CaseViews(prefix, views.subList(n, views.size()));
  }

  public List<UUID> eventIds() {
    return views.stream().map(v -> UUID.fromString(v.eventId())).toList();
  }

  /** Views per article: what the trending buckets must add up to. */
  public Map<String, Long> viewsPerArticle() {
    Map<String, Long> counts = new LinkedHashMap<>();
    views.forEach(v -> counts.merge(v.articleId(), 1L, Long::sum));
    return counts;
  }

  /** Views per reader: the length each recent-reads list must have (capped by the caller). */
  public Map<String, Long> viewsPerReader() {
    Map<String, Long> counts = new LinkedHashMap<>();
    views.forEach(v -> counts.merge(v.readerId(), 1L, Long::sum));
    return counts;
  }

  public int size() {
    return views.size();
  }
}
