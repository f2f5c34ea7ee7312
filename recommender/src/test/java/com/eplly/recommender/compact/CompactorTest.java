package com.eplly.recommender.compact;

import static com.eplly.recommender.LakeFixture.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.recommender.LakeFixture;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.lake.LakeReader;
import com.eplly.recommender.lake.LakeSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SparkTest
class CompactorTest {

  private static final long HOUR = 3_600_000L;
  private static final long H1 = (1_795_000_000_000L / HOUR + 1) * HOUR;
  private static final long H2 = H1 + HOUR;
  private static final long H3 = H1 + 5 * HOUR;
  private static final Instant NOW = Instant.ofEpochMilli(H3 + HOUR / 2); // H3 open, H1 and H2 closed
  private static final Duration GRACE = Duration.ofHours(2);

  private final SparkSession spark;

  CompactorTest(SparkSession spark) {
    this.spark = spark;
  }

  private final PageView a = view("r1", "a1", "s1", H1);
  private final PageView b = view("r2", "a2", "s2", H1 + 1_000);
  private final PageView c = view("gone", "a1", "s3", H1 + 2_000);
  private final PageView d = view("r3", "a3", "s4", H1 + 3_000);
  private final PageView e = view("r1", "a2", "s1", H2);
  private final PageView f = view("gone", "a2", "s5", H2 + 2_000); // after the erasure: new data
  private final PageView g = view("r1", "a3", "s6", H3);

  /** Two closed hours (a duplicate, an erased reader's view) and the open hour; impressions alike. */
  private LakeFixture lake(Path dir) {
    LakeFixture lake = new LakeFixture(dir);
    lake.pageViews(0, 0, List.of(a, b, c));
    lake.pageViews(1, 0, List.of(b, d)); // b replayed
    lake.pageViews(0, 3, List.of(e, f));
    lake.pageViews(0, 5, List.of(g));
    lake.impressions(0, 0, List.of(served("q1", "r1", H1), served("q2", "gone", H1 + 1)));
    lake.impressions(1, 0, List.of(served("q1", "r1", H1))); // the same record again
    lake.erasures(0, 0, List.of(new ReaderErasure("gone", H2 + 1_000, "admin")));
    return lake;
  }

  @Test
  void compactsClosedHoursOnceKeepingEveryOtherReadersEventAndIngestsOffsets(@TempDir Path dir) {
    lake(dir);
    Set<String> viewsBefore = rows(new LakeReader(spark, dir.toString()).pageViews());
    Set<String> impressionsBefore = rows(new LakeReader(spark, dir.toString()).impressions());
    Set<String> recordsBefore = rows(jsonRecords(dir).where("not (readerId = 'gone' and timestamp <= " + (H2 + 1_000) + ")")
        .where("timestamp < " + H3).distinct());
    Map<String, Long> marksBefore = highWaterMarks(dir);

    List<DatasetSummary> summaries = compactor(CompactionHooks.NONE).run(dir.toString(), GRACE, NOW, false);

    DatasetSummary views = summaries.get(0);
    assertEquals(List.of(2, 7L, 5L, 1L, 1L, 3), List.of(views.hours(), views.read(), views.kept(), views.duplicates(),
        views.erased(), views.retired()));
    DatasetSummary impressions = summaries.get(1);
    assertEquals(List.of(1, 3L, 1L, 1L, 1L), List.of(impressions.hours(), impressions.read(), impressions.kept(),
        impressions.duplicates(), impressions.erased()));
    // the lake reads the same; the Parquet holds every other reader's record field for field, no erased one
    assertEquals(viewsBefore, rows(new LakeReader(spark, dir.toString()).pageViews()));
    assertEquals(impressionsBefore, rows(new LakeReader(spark, dir.toString()).impressions()));
    assertEquals(recordsBefore, rows(parquetRecords(dir)));
    // JSONL of closed hours: one empty marker per partition and hour, ingest's high-water marks unchanged
    assertEquals(marksBefore, highWaterMarks(dir));
    assertEquals(Map.of("part-0-0-2.jsonl", 0L, "part-1-0-1.jsonl", 0L), jsonl(dir, H1));
    assertEquals(Map.of("part-0-3-4.jsonl", 0L), jsonl(dir, H2));
    assertTrue(jsonl(dir, H3).get("part-0-5-5.jsonl") > 0, "the open hour stays JSONL");

    Map<String, Long> filesAfterFirst = allFiles(dir);
    List<DatasetSummary> again = compactor(CompactionHooks.NONE).run(dir.toString(), GRACE, NOW, false);
    assertEquals(List.of(0, 0), again.stream().map(DatasetSummary::hours).toList(), "a second run has nothing to do");
    assertEquals(filesAfterFirst, allFiles(dir));
  }

  @Test
  void aNewErasureRewritesTheCompactedHoursHoldingTheReaderAndALateEventJoinsItsHour(@TempDir Path dir) {
    LakeFixture lake = lake(dir);
    compactor(CompactionHooks.NONE).run(dir.toString(), GRACE, NOW, false);
    lake.erasures(0, 1, List.of(new ReaderErasure("r3", H3, "admin")));
    PageView late = view("r2", "a9", "s9", H1 + 9_000);
    lake.pageViews(0, 10, List.of(late));

    List<DatasetSummary> summaries = compactor(CompactionHooks.NONE).run(dir.toString(), GRACE, NOW, false);

    assertEquals(1, summaries.get(0).hours(), "only H1 holds r3 and the late view");
    assertEquals(1, summaries.get(0).erased());
    Set<String> readers = parquetRecords(dir).collectAsList().stream().map(r -> r.<String>getAs("readerId"))
        .collect(Collectors.toSet());
    assertFalse(readers.contains("r3"));
    assertEquals(Set.of(a.eventId(), b.eventId(), late.eventId(), e.eventId(), f.eventId()),
        parquetRecords(dir).collectAsList().stream().map(r -> r.<String>getAs("eventId")).collect(Collectors.toSet()));
    // the late file is now partition 0's marker in H1, with the highest offset ingest wrote there
    assertEquals(Map.of("part-0-10-10.jsonl", 0L, "part-1-0-1.jsonl", 0L), jsonl(dir, H1));
  }

  @Test
  void aRunStoppedAnywhereLeavesTheLakeReadingTheSameAndTheNextRunFinishes(@TempDir Path dir) {
    lake(dir);
    Set<String> before = rows(new LakeReader(spark, dir.toString()).pageViews());
    Set<String> impressionsBefore = rows(new LakeReader(spark, dir.toString()).impressions());

    CompactionHooks afterWrite = new CompactionHooks() {
      @Override
      public void written(String dataset) {
        throw new IllegalStateException("crash after writing " + dataset);
      }
    };
    assertThrows(IllegalStateException.class, () -> compactor(afterWrite).run(dir.toString(), GRACE, NOW, false));
    assertEquals(before, rows(new LakeReader(spark, dir.toString()).pageViews()));

    CompactionHooks afterFirstCommit = new CompactionHooks() {
      @Override
      public void committed(CompactHour hour) {
        throw new IllegalStateException("crash after putting " + hour.hourFolder() + " in place");
      }
    };
    assertThrows(IllegalStateException.class, () -> compactor(afterFirstCommit).run(dir.toString(), GRACE, NOW, false));
    // H1 has Parquet and all its JSONL: read together, deduplicated
    assertTrue(Files.exists(parquetFile(dir, LakeLayout.PAGE_VIEWS, H1)));
    assertTrue(jsonl(dir, H1).get("part-0-0-2.jsonl") > 0);
    assertEquals(before, rows(new LakeReader(spark, dir.toString()).pageViews()));
    assertEquals(impressionsBefore, rows(new LakeReader(spark, dir.toString()).impressions()));

    List<DatasetSummary> finished = compactor(CompactionHooks.NONE).run(dir.toString(), GRACE, NOW, false);
    assertEquals(2, finished.get(0).hours());
    assertEquals(5, finished.get(0).kept());
    assertEquals(before, rows(new LakeReader(spark, dir.toString()).pageViews()));
    assertEquals(impressionsBefore, rows(new LakeReader(spark, dir.toString()).impressions()));
    assertEquals(Map.of("part-0-0-2.jsonl", 0L, "part-1-0-1.jsonl", 0L), jsonl(dir, H1));
  }

  @Test
  void aLockLeftByAKilledRunStopsTheNextUntilBroken(@TempDir Path dir) throws IOException {
    lake(dir);
    Files.createDirectories(dir.resolve(LakeLayout.COMPACTED));
    Files.writeString(dir.resolve(LakeLayout.COMPACTED).resolve(CompactionLock.FILE), "killed run");

    var locked = assertThrows(CompactionLock.CompactionLockedException.class,
        () -> compactor(CompactionHooks.NONE).run(dir.toString(), GRACE, NOW, false));
    assertTrue(locked.getMessage().contains("killed run"), locked.getMessage());

    assertEquals(2, compactor(CompactionHooks.NONE).run(dir.toString(), GRACE, NOW, true).get(0).hours());
    assertFalse(Files.exists(dir.resolve(LakeLayout.COMPACTED).resolve(CompactionLock.FILE)));
  }

  private Compactor compactor(CompactionHooks hooks) {
    return new Compactor(spark, new PrintStream(new ByteArrayOutputStream()), hooks);
  }

  private static ServedEvent served(String requestId, String reader, long at) {
    return new ServedEvent(requestId, at, reader, "s-" + reader, "a1", "v1", null, null, false,
        List.of(new ServedItem("a2", 0, "trending")));
  }

  private Dataset<Row> jsonRecords(Path dir) {
    return spark.read().schema(LakeSchemas.PAGE_VIEW_RECORD)
        .json(dir.resolve(LakeLayout.PAGE_VIEWS) + "/date=*/hour=*/*.jsonl");
  }

  private Dataset<Row> parquetRecords(Path dir) {
    return spark.read().schema(LakeSchemas.PAGE_VIEW_RECORD)
        .parquet(dir.resolve(LakeLayout.compactedDataset(LakeLayout.PAGE_VIEWS)) + "/date=*/hour=*/*.parquet");
  }

  private static Path parquetFile(Path dir, String dataset, long hour) {
    return dir.resolve(LakeLayout.compactedDataset(dataset)).resolve(LakeLayout.hourFolder(hour))
        .resolve(LakeLayout.COMPACTED_FILE);
  }

  private static Set<String> rows(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).collect(Collectors.toSet());
  }

  /** JSONL file name to size in one page-view hour. */
  private static Map<String, Long> jsonl(Path dir, long hour) {
    try (Stream<Path> files = Files.list(dir.resolve(LakeLayout.PAGE_VIEWS).resolve(LakeLayout.hourFolder(hour)))) {
      return files.collect(Collectors.toMap(p -> p.getFileName().toString(), CompactorTest::size));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What ingest's OffsetIndex answers: the highest offset named per (dataset, hour, partition). */
  private static Map<String, Long> highWaterMarks(Path dir) {
    Map<String, Long> marks = new TreeMap<>();
    for (String dataset : List.of(LakeLayout.PAGE_VIEWS, LakeLayout.IMPRESSIONS)) {
      try (Stream<Path> files = Files.walk(dir.resolve(dataset))) {
        files.filter(Files::isRegularFile).forEach(p -> LakeLayout.parseFileName(p.getFileName().toString())
            .ifPresent(o -> marks.merge(dataset + "/" + p.getParent().getParent().getFileName() + "/"
                + p.getParent().getFileName() + "/" + o.partition(), o.last(), Math::max)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return marks;
  }

  /** Every file under the lake with its size and modification time. */
  private static Map<String, Long> allFiles(Path dir) {
    Map<String, Long> out = new HashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile).forEach(p -> {
        try {
          out.put(dir.relativize(p).toString(), Files.size(p) * 31 + Files.getLastModifiedTime(p).toMillis());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
