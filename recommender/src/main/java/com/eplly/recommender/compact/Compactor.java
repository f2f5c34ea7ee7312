package com.eplly.recommender.compact;

import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;

import com.eplly.contracts.lake.LakeLayout;
import com.eplly.recommender.lake.DatasetFiles;
import com.eplly.recommender.lake.ErasedReaders;
import com.eplly.recommender.lake.LakeFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code reco compact}: rewrites the lake's closed hours of page views and impressions as one
 * Parquet file per hour, duplicates and erased readers' events removed, and retires the JSONL
 * files they came from ({@link HourSwap}); also rewrites compacted hours holding events of readers
 * erased since the last run ({@link AppliedErasures}).
 *
 * <p>Crash-safe: every planned hour is first written to a temporary folder; each hour then has one
 * commit point (the rename of its Parquet into place); JSONL files are retired only after it. A run
 * stopped anywhere leaves each hour as JSONL only, or Parquet plus JSONL that readers deduplicate
 * together ({@code DatasetFiles}), or Parquet only; the next run finishes the job. Idempotent: an
 * hour is planned only while it has JSONL events or holds newly erased events, so a second run
 * with nothing new changes nothing.
 */
public final class Compactor {

  static final String DATE = "date";
  static final String HOUR = "hour";
  private static final String TEMP_PREFIX = "_tmp-";
  private static final String FILE_PATH = "_metadata.file_path";

  private final SparkSession spark;
  private final PrintStream out;
  private final CompactionHooks hooks;

  public Compactor(SparkSession spark, PrintStream out, CompactionHooks hooks) {
    this.spark = spark;
    this.out = out;
    this.hooks = hooks;
  }

  /**
   * Compacts every hour of {@code lake} that ended at least {@code grace} before {@code now}.
   *
   * @param breakLock remove the lock of a run that died
   */
  public List<DatasetSummary> run(String lake, Duration grace, Instant now, boolean breakLock) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    LakeFiles files = new LakeFiles(lake, hadoop);
    Path root = qualified(lake, hadoop);
    Path compacted = new Path(root, LakeLayout.COMPACTED);
    mkdirs(compacted, hadoop);
    try (CompactionLock lock = CompactionLock.take(compacted, hadoop, breakLock)) {
      deleteTemporaryFolders(compacted, hadoop);
      // One reading of the erasures for the whole run: what it applies is exactly what it records.
      Map<String, Long> erasures = ErasedReaders.of(spark, files).collect();
      AppliedErasures applied = new AppliedErasures(compacted, hadoop);
      Map<String, Long> appliedBefore = applied.read();
      Map<String, Long> fresh = AppliedErasures.newer(erasures, appliedBefore);
      ErasedReaders erased = ErasedReaders.of(spark, erasures);
      Path temp = new Path(compacted, TEMP_PREFIX + UUID.randomUUID());
      HourSwap swap = new HourSwap(root, hadoop);
      List<DatasetSummary> summaries = new ArrayList<>();
      for (CompactedDataset dataset : CompactedDataset.values()) {
        summaries.add(compact(dataset, files, erased, fresh, new Path(temp, dataset.folder()), swap, grace, now));
      }
      if (!erasures.equals(appliedBefore)) {
        applied.write(erasures);
      }
      delete(temp, hadoop);
      return summaries;
    }
  }

  private DatasetSummary compact(CompactedDataset dataset, LakeFiles files, ErasedReaders erased,
      Map<String, Long> fresh, Path temp, HourSwap swap, Duration grace, Instant now) {
    long started = System.nanoTime();
    DatasetFiles listed = files.dataset(dataset.folder());
    Set<String> erasedHours = hoursHolding(fresh, listed.parquetByHour());
    List<CompactHour> plan = CompactionPlanner.plan(dataset.folder(), listed, erasedHours, now, grace);
    if (plan.isEmpty()) {
      out.println(dataset.folder() + ": nothing to compact");
      return new DatasetSummary(dataset.folder(), 0, 0, 0, 0, 0, 0, seconds(started));
    }
    out.printf(Locale.ROOT, "%s: compacting %,d hour(s)%s%n", dataset.folder(), plan.size(),
        erasedHours.isEmpty() ? "" : " (" + erasedHours.size() + " for new erasures)");
    Dataset<Row> input = read(dataset, plan).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> read = countByHour(input);
      Dataset<Row> unique = dataset.unique(input);
      Map<String, Long> uniqueCount = countByHour(unique);
      Dataset<Row> kept = erased.drop(unique);
      Map<String, Long> keptCount = countByHour(kept);
      write(dataset, kept, temp);
      Map<String, Path> written = writtenFiles(temp);
      hooks.written(dataset.folder());
      long totalRead = 0;
      long totalKept = 0;
      long duplicates = 0;
      long erasedEvents = 0;
      int retired = 0;
      for (CompactHour hour : plan) {
        String h = hour.hourFolder();
        swap.commit(hour, Optional.ofNullable(written.get(h)));
        hooks.committed(hour);
        int retiredHere = swap.retire(hour);
        long r = read.getOrDefault(h, 0L);
        long u = uniqueCount.getOrDefault(h, 0L);
        long k = keptCount.getOrDefault(h, 0L);
        out.printf(Locale.ROOT, "  %s %s: %,d read -> %,d kept (%,d duplicate, %,d erased), %d JSONL file(s) retired%s%n",
            dataset.folder(), h, r, k, r - u, u - k, retiredHere,
            hour.parquet().isPresent() ? ", Parquet rewritten" : "");
        totalRead += r;
        totalKept += k;
        duplicates += r - u;
        erasedEvents += u - k;
        retired += retiredHere;
      }
      return new DatasetSummary(dataset.folder(), plan.size(), totalRead, totalKept, duplicates, erasedEvents,
          retired, seconds(started));
    } finally {
      input.unpersist();
    }
  }

  /** The planned hours' events: their JSONL lines and their earlier Parquet, with {@code date} and {@code hour}. */
  private Dataset<Row> read(CompactedDataset dataset, List<CompactHour> plan) {
    String[] jsonl = plan.stream().flatMap(h -> h.jsonlToRead().stream()).toArray(String[]::new);
    String[] parquet = plan.stream().flatMap(h -> h.parquet().stream()).toArray(String[]::new);
    StructType record = dataset.record();
    Dataset<Row> events = null;
    if (jsonl.length > 0) {
      events = withHour(spark.read().schema(record).option("mode", "PERMISSIVE").json(jsonl), record);
    }
    if (parquet.length > 0) {
      Dataset<Row> compacted = withHour(spark.read().schema(record).parquet(parquet), record);
      events = events == null ? compacted : events.unionByName(compacted);
    }
    return events != null ? events : spark.createDataFrame(List.of(), record.add(DATE, DataTypes.StringType)
        .add(HOUR, DataTypes.StringType));
  }

  private static Dataset<Row> withHour(Dataset<Row> rows, StructType record) {
    Column path = col(FILE_PATH);
    Column[] columns = Stream.concat(Arrays.stream(record.fieldNames()).map(n -> col(n)),
        Stream.of(regexp_extract(path, "/date=([^/]+)/hour=[^/]+/[^/]+$", 1).as(DATE),
            regexp_extract(path, "/date=[^/]+/hour=([^/]+)/[^/]+$", 1).as(HOUR))).toArray(Column[]::new);
    return rows.select(columns);
  }

  private static Map<String, Long> countByHour(Dataset<Row> rows) {
    Map<String, Long> counts = new HashMap<>();
    for (Row r : rows.groupBy(DATE, HOUR).count().collectAsList()) {
      counts.put(DATE + "=" + r.getString(0) + "/" + HOUR + "=" + r.getString(1), r.getLong(2));
    }
    return counts;
  }

  /** One file per hour: every row of an hour goes to one task, which writes the hour sorted. */
  private static void write(CompactedDataset dataset, Dataset<Row> kept, Path temp) {
    List<Column> order = new ArrayList<>(List.of(col(DATE), col(HOUR)));
    dataset.order().forEach(c -> order.add(col(c)));
    kept.repartition(col(DATE), col(HOUR))
        .sortWithinPartitions(order.toArray(Column[]::new))
        .write()
        .partitionBy(DATE, HOUR)
        .parquet(temp.toString());
  }

  /** {@code date=…/hour=…} to the Parquet file written for it. */
  private Map<String, Path> writtenFiles(Path temp) {
    Map<String, Path> files = new HashMap<>();
    try {
      FileSystem fs = temp.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(temp)) {
        return files;
      }
      var it = fs.listFiles(temp, true);
      while (it.hasNext()) {
        FileStatus f = it.next();
        if (f.getPath().getName().endsWith(".parquet")) {
          Path previous = files.put(LakeFiles.hourFolderOf(f.getPath()), f.getPath());
          if (previous != null) {
            throw new IllegalStateException("two Parquet files written for one hour: " + previous + ", " + f.getPath());
          }
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + temp + ": " + e.getMessage(), e);
    }
  }

  /** Compacted hours whose Parquet holds events of readers erased since the last complete run. */
  private Set<String> hoursHolding(Map<String, Long> fresh, Map<String, String> parquetByHour) {
    Set<String> hours = new HashSet<>();
    if (fresh.isEmpty() || parquetByHour.isEmpty()) {
      return hours;
    }
    StructType narrow = new StructType().add(READER_ID, DataTypes.StringType).add(TIMESTAMP, DataTypes.LongType);
    Dataset<Row> events = spark.read().schema(narrow).parquet(parquetByHour.values().toArray(String[]::new))
        .select(col(READER_ID), col(TIMESTAMP), col(FILE_PATH).as("_file"));
    for (Row r : ErasedReaders.of(spark, fresh).select(events).select("_file").distinct().collectAsList()) {
      hours.add(LakeFiles.hourFolderOf(new Path(r.getString(0))));
    }
    return hours;
  }

  /** Temporary folders of runs that died; the lock says none is running. */
  private static void deleteTemporaryFolders(Path compacted, Configuration hadoop) {
    try {
      FileSystem fs = compacted.getFileSystem(hadoop);
      for (FileStatus s : fs.listStatus(compacted)) {
        if (s.isDirectory() && s.getPath().getName().startsWith(TEMP_PREFIX)) {
          fs.delete(s.getPath(), true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + compacted + ": " + e.getMessage(), e);
    }
  }

  private static Path qualified(String lake, Configuration hadoop) {
    try {
      Path p = new Path(lake);
      return p.getFileSystem(hadoop).makeQualified(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open lake " + lake + ": " + e.getMessage(), e);
    }
  }

  private static void mkdirs(Path p, Configuration hadoop) {
    try {
      p.getFileSystem(hadoop).mkdirs(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + p + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Path p, Configuration hadoop) {
    try {
      p.getFileSystem(hadoop).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
