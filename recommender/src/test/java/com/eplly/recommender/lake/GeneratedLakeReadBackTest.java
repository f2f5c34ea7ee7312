package com.eplly.recommender.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import com.eplly.generator.lake.GeneratedLake;
import com.eplly.recommender.SparkTestSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reco generate}'s lake, read back by the reader {@code train} uses. */
class GeneratedLakeReadBackTest {

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

    GeneratedLake.Written written = new GeneratedLake(dir).write(generator, n -> {});

    Set<PageView> expectedViews = new HashSet<>(generator.pageViewStream().toList());
    LakeReader reader = new LakeReader(spark, dir.toString());
    Set<PageView> readViews = reader.pageViews().collectAsList().stream().map(GeneratedLakeReadBackTest::pageView)
        .collect(Collectors.toSet());
    Set<Article> readArticles = reader.latestArticles().collectAsList().stream().map(GeneratedLakeReadBackTest::article)
        .collect(Collectors.toSet());
    assertEquals(expectedViews.size(), written.pageViews());
    assertEquals(expectedViews, readViews);
    assertEquals(new HashSet<>(generator.articles()), readArticles);
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
