package com.eplly.recommender.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.demo.DemoConfig;
import com.eplly.contracts.demo.DemoDataGenerator;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.recommender.SparkTestSession;
import com.eplly.recommender.lake.LakeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class GeneratedLakeTest {

  private static final long END = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
  private static final DemoConfig CONFIG = DemoConfig.scaled(3, 5_000, END);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void theLakeReaderReadsBackExactlyWhatWasGenerated(@TempDir Path dir) {
    DemoDataGenerator generator = new DemoDataGenerator(CONFIG);
    List<Long> progress = new ArrayList<>();

    GeneratedLake.Written written = new GeneratedLake(dir).write(generator, progress::add);

    Set<PageView> expectedViews = new HashSet<>(generator.pageViewStream().toList());
    LakeReader reader = new LakeReader(spark, dir.toString());
    Set<PageView> readViews = reader.pageViews().collectAsList().stream().map(GeneratedLakeTest::pageView)
        .collect(Collectors.toSet());
    Set<Article> readArticles = reader.latestArticles().collectAsList().stream().map(GeneratedLakeTest::article)
        .collect(Collectors.toSet());
    assertEquals(expectedViews.size(), written.pageViews());
    assertEquals(expectedViews, readViews);
    assertEquals(new HashSet<>(generator.articles()), readArticles);
    assertEquals(CONFIG.articles(), written.articles());
    assertEquals(List.of(), progress, "progress is reported per million page views");
  }

  @Test
  void everyFileSitsInTheHourOfItsRecordsUnderAnIngestName(@TempDir Path dir) throws IOException {
    GeneratedLake.Written written = new GeneratedLake(dir).write(new DemoDataGenerator(CONFIG), n -> {});

    EventCodec codec = new EventCodec(Clock.systemUTC());
    List<Path> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    assertEquals(written.files(), files.size());
    for (Path f : files) {
      LakeLayout.OffsetRange offsets = LakeLayout.parseFileName(f.getFileName().toString())
          .orElseThrow(() -> new AssertionError("not an ingest file name: " + f));
      List<String> lines = Files.readAllLines(f);
      assertTrue(lines.size() <= offsets.last() - offsets.first() + 1, f::toString);
      String hourFolder = dir.relativize(f.getParent()).toString();
      for (String line : lines) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        long hourTime = hourFolder.startsWith(LakeLayout.PAGE_VIEWS)
            ? valid(codec.decodePageView(bytes)).timestamp()
            : valid(codec.decodeArticle(bytes)).publishedAt();
        assertTrue(hourFolder.endsWith(LakeLayout.hourFolder(hourTime)), line + " in " + hourFolder);
      }
    }
  }

  @Test
  void refusesALakeThatAlreadyHoldsData(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("something"), "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GeneratedLake(dir).write(new DemoDataGenerator(CONFIG), n -> {}));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
  }

  private static <T> T valid(Decoded<T> decoded) {
    if (decoded instanceof Decoded.Valid<T> v) {
      return v.value();
    }
    throw new AssertionError("written record does not decode: " + decoded);
  }

  private static PageView pageView(Row r) {
    return new PageView(r.getAs("eventId"), r.getAs("readerId"), r.getAs("articleId"), r.getAs("sessionId"),
        r.getAs("timestamp"), r.getAs("referrerArticleId"), r.getAs("dwellMs"));
  }

  private static Article article(Row r) {
    return new Article(r.getAs("articleId"), r.getAs("title"), r.getAs("url"), r.getAs("category"),
        r.getAs("publishedAt"), r.getAs("summary"), r.getList(r.fieldIndex("tags")), r.getAs("expiresAt"),
        r.getAs("hidden"));
  }
}
