package com.eplly.contracts.lake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where events live in the lake, shared by ingest (writer) and the recommender (reader).
 *
 * <p>{@code {root}/{dataset}/date=YYYY-MM-DD/hour=HH/part-{partition}-{firstOffset}-{lastOffset}.jsonl},
 * one JSON record per line in the {@code EventCodec} format. The {@code date=}/{@code hour=} folders
 * are Hive-style so Spark discovers them as partition columns; the file name says exactly which
 * Kafka offsets it holds, so a replay after a crash recognises what is already written.
 *
 * <p>Closed hours of page views and impressions are compacted by {@code reco compact} into one
 * Parquet file per hour, {@code {root}/compacted/{dataset}/date=…/hour=…/part-00000.parquet}
 * (Spark, Trino and DuckDB read {@code compacted/{dataset}} as a Hive-partitioned table). The
 * compacted hour's JSONL files are then deleted, except, per Kafka partition, the one with the
 * highest offsets, which is emptied: an empty lake file holds no event and is a <em>marker</em>
 * that keeps the partition's highest offset in that hour visible to ingest's replay check.
 */
public final class LakeLayout {

  /** Dataset folder of page views (partitioned by event time). */
  public static final String PAGE_VIEWS = "page-views";

  /**
   * Dataset folder of impression events, served and viewable ({@code ImpressionEvent}, told apart by
   * {@code kind}), partitioned by event time.
   */
  public static final String IMPRESSIONS = "impressions";

  /** Dataset folder of catalog updates (partitioned by the Kafka record time, stable across replays). */
  public static final String ARTICLES = "articles";

  /**
   * Dataset folder of readers' erasures ({@code ReaderErasure}, partitioned by the Kafka record
   * time): what training, evaluation and {@code reco compact} must drop from the other datasets.
   */
  public static final String ERASURES = "erasures";

  /** Dataset folder of admin actions ({@code AuditEvent}, partitioned by the action's time). */
  public static final String AUDIT = "audit";

  /** Folder under the root holding the compacted (Parquet) datasets. */
  public static final String COMPACTED = "compacted";

  /** The Parquet file of one compacted hour. */
  public static final String COMPACTED_FILE = "part-00000.parquet";

  public static final String FILE_SUFFIX = ".jsonl";

  /** Prefix of files being written; readers must skip them. */
  public static final String TEMP_PREFIX = "_tmp-";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
  private static final Pattern FILE = Pattern.compile("part-(\\d+)-(\\d+)-(\\d+)\\.jsonl");

  private LakeLayout() {}

  /** Relative folder of the hour containing {@code epochMs}, e.g. {@code date=2026-11-27/hour=20}. */
  public static String hourFolder(long epochMs) {
    Instant t = Instant.ofEpochMilli(epochMs);
    return "date=" + DATE.format(t) + "/hour=" + HOUR.format(t);
  }

  /** Folder of a dataset's compacted hours relative to the root, e.g. {@code compacted/page-views}. */
  public static String compactedDataset(String dataset) {
    return COMPACTED + "/" + dataset;
  }

  /** File name holding Kafka offsets {@code firstOffset..lastOffset} (inclusive) of a partition. */
  public static String fileName(int partition, long firstOffset, long lastOffset) {
    return "part-" + partition + "-" + firstOffset + "-" + lastOffset + FILE_SUFFIX;
  }

  /** The Kafka partition and offset range a finished lake file holds; empty for other names. */
  public static Optional<OffsetRange> parseFileName(String name) {
    Matcher m = FILE.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new OffsetRange(
        Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
  }

  /** Offsets {@code first..last} (inclusive) of one Kafka partition. */
  public record OffsetRange(int partition, long first, long last) {}
}
