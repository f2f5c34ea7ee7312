package com.eplly.recommender.lake;

import static com.eplly.recommender.LakeFixture.article;
import static com.eplly.recommender.LakeFixture.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import com.eplly.generator.lake.GeneratedLake;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.LakeFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SparkTest
class LakeReaderTest {

  private static final long H1 = 1_795_000_000_000L;
  private static final long H2 = H1 + 3_600_000L;
  private final SparkSession spark;

  LakeReaderTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void readsEveryValidEventOnceAndSkipsTempFiles(@TempDir Path dir) {
    LakeFixture lake = new LakeFixture(dir);
    PageView e1 = view("r1", "a1", "s1", H1);
    PageView e2 = view("r1", "a2", "s1", H1 + 1000);
    PageView e3 = view("r2", "a1", "s2", H1 + 2000);
    PageView e4 = view("r3", "a3", "s3", H2);
    PageView inTemp = view("r4", "a4", "s4", H2 + 1000);
    lake.pageViews(0, 0, List.of(e1, e2, e3));
    lake.pageViews(1, 0, List.of(e2, e4)); // e2 replayed into another file
    lake.pageViewsRaw(LakeLayout.hourFolder(H2), LakeLayout.fileName(1, 2, 3),
        List.of("not json".getBytes(StandardCharsets.UTF_8), "{\"eventId\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    lake.pageViewsRaw(LakeLayout.hourFolder(H2), LakeLayout.TEMP_PREFIX + LakeLayout.fileName(0, 3, 3),
        List.of(lake.encode(inTemp)));

    List<Row> rows = new LakeReader(spark, dir.toString()).pageViews().collectAsList();

    Map<String, Row> byId = rows.stream().collect(Collectors.toMap(r -> r.getAs("eventId"), r -> r));
    assertEquals(4, rows.size(), "rows: " + rows);
    assertEquals(java.util.Set.of(e1.eventId(), e2.eventId(), e3.eventId(), e4.eventId()), byId.keySet());
    Row r4 = byId.get(e4.eventId());
    assertEquals("r3", r4.getAs("readerId"));
    assertEquals("a3", r4.getAs("articleId"));
    assertEquals(H2, (long) r4.<Long>getAs("timestamp"));
  }

  @Test
  void missingPageViewsIsAClearError(@TempDir Path dir) {
    LakeException e = assertThrows(LakeException.class, () -> new LakeReader(spark, dir.toString()).pageViews());
    assertTrue(e.getMessage().contains("no page-view files"), e.getMessage());
  }

  @Test
  void newestArticleRecordWinsByOffsetsThenLine(@TempDir Path dir) {
    LakeFixture lake = new LakeFixture(dir);
    long now = H2 + 10_000;
    Article aOld = withTitle(article("A", H1), "A first");
    Article aNew = withTitle(article("A", H1), "A second");
    Article b = article("B", H1);
    Article cHidden = new Article("C", "C", "https://eplly.example/C", "news", H1, null, List.of(), null, true);
    Article dExpired = new Article("D", "D", "https://eplly.example/D", "news", H1, null, List.of(), now - 1, false);
    Article eFirst = withTitle(article("E", H1), "E first");
    Article eSecond = withTitle(article("E", H1), "E second");
    // partition 0: offsets 2-3 sit in an *earlier* hour folder than 0-1; offsets decide, not paths
    lake.articles(LakeLayout.hourFolder(H2), 0, 0, List.of(aOld, b));
    lake.articles(LakeLayout.hourFolder(H1), 0, 2, List.of(aNew, cHidden));
    lake.articles(LakeLayout.hourFolder(H1), 1, 0, List.of(dExpired));
    lake.articles(LakeLayout.hourFolder(H1), 1, 1, List.of(eFirst, eSecond)); // same file: later line wins

    LakeReader reader = new LakeReader(spark, dir.toString());
    Map<String, String> titles = reader.latestArticles().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("articleId"), r -> r.getAs("title")));
    List<String> servable = LakeReader.servableAt(reader.latestArticles(), now).orderBy("articleId")
        .collectAsList().stream().map(r -> r.<String>getAs("articleId")).toList();

    assertEquals(Map.of("A", "A second", "B", "Title B", "C", "C", "D", "D", "E", "E second"), titles);
    assertEquals(List.of("A", "B", "E"), servable);
  }

  @Test
  void noCatalogIsEmpty(@TempDir Path dir) {
    assertEquals(0, new LakeReader(spark, dir.toString()).latestArticles().count());
  }

  @Test
  void readsBackExactlyWhatTheGeneratedLakeHolds(@TempDir Path dir) {
    DemoConfig config = DemoConfig.scaled(3, 5_000, Instant.parse("2026-11-01T00:00:00Z").toEpochMilli());
    DemoDataGenerator generator = new DemoDataGenerator(config);

    GeneratedLake.Written written = new GeneratedLake(dir).write(generator, n -> {});

    Set<PageView> expectedViews = new HashSet<>(generator.pageViewStream().toList());
    LakeReader reader = new LakeReader(spark, dir.toString());
    Set<PageView> readViews = reader.pageViews().collectAsList().stream().map(LakeReaderTest::pageViewOf)
        .collect(Collectors.toSet());
    Set<Article> readArticles = reader.latestArticles().collectAsList().stream().map(LakeReaderTest::articleOf)
        .collect(Collectors.toSet());
    assertEquals(expectedViews.size(), written.pageViews());
    assertEquals(expectedViews, readViews);
    assertEquals(new HashSet<>(generator.articles()), readArticles);
  }

  private static PageView pageViewOf(Row r) {
    return new PageView(r.getAs("eventId"), r.getAs("readerId"), r.getAs("articleId"), r.getAs("sessionId"),
        r.getAs("timestamp"), r.getAs("referrerArticleId"), r.getAs("dwellMs"));
  }

  private static Article articleOf(Row r) {
    return new Article(r.getAs("articleId"), r.getAs("title"), r.getAs("url"), r.getAs("category"),
        r.getAs("publishedAt"), r.getAs("summary"), r.getList(r.fieldIndex("tags")), r.getAs("expiresAt"),
        r.getAs("hidden"));
  }

  private static Article withTitle(Article a, String title) {
    return new Article(a.articleId(), title, a.url(), a.category(), a.publishedAt(), a.summary(), a.tags(),
        a.expiresAt(), a.hidden());
  }
}
