package com.eplly.recommender.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadersTest {

  @TempDir
  Path dir;

  /** The shared real datasets: -Deplly.data=DIR, else ../shared/data next to the repository. */
  static Path sharedData() {
    String configured = System.getProperty("eplly.data");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent().resolve("../shared/data").normalize();
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  @Test
  void movieLensRejectsAShortLineNamingIt() throws IOException {
    write("u.data", "1\t10\t4\t881250949\n2\t20\t5\n");
    DatasetException e = assertThrows(DatasetException.class, () -> new MovieLensLoader().load(dir));
    assertTrue(e.getMessage().contains("u.data line 2: expected 4 fields"), e.getMessage());
  }

  @Test
  void movieLensRejectsABadRating() throws IOException {
    write("u.data", "1\t10\t9\t881250949\n");
    DatasetException e = assertThrows(DatasetException.class, () -> new MovieLensLoader().load(dir));
    assertTrue(e.getMessage().contains("line 1: rating must be 1-5, got 9"), e.getMessage());
  }

  @Test
  void movieLensReadsRatingsAndGenres() throws IOException {
    write("u.data", "1\t10\t4\t881250949\n1\t20\t3\t881250950\n");
    write("u.item", "10|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n");
    InteractionData data = new MovieLensLoader().load(dir);
    assertEquals(2, data.interactions().size());
    assertEquals(new Interaction("1", "1", "10", 881_250_949_000L), data.interactions().get(0));
    assertEquals("Animation|Children's|Comedy", data.catalog().get(0).category());
  }

  @Test
  void digineticaRejectsABadDateNamingTheLine() throws IOException {
    write(DigineticaLoader.VIEWS, "session_id;user_id;item_id;timeframe;eventdate\n1;NA;81766;526309;2016-05-09\n1;NA;31331;1031018;09/05/2016\n");
    DatasetException e = assertThrows(DatasetException.class, () -> new DigineticaLoader().load(dir));
    assertTrue(e.getMessage().contains("line 3: eventdate must be YYYY-MM-DD"), e.getMessage());
  }

  @Test
  void digineticaChecksTheHeader() throws IOException {
    write(DigineticaLoader.VIEWS, "session;user;item\n1;NA;81766\n");
    DatasetException e = assertThrows(DatasetException.class, () -> new DigineticaLoader().load(dir));
    assertTrue(e.getMessage().contains("line 1: header must start with session_id"), e.getMessage());
  }

  @Test
  void globoRejectsANonNumericArticleNamingTheLine() throws IOException {
    String header = "user_id,session_id,session_start,session_size,click_article_id,click_timestamp,click_environment,"
        + "click_deviceGroup,click_os,click_country,click_region,click_referrer_type\n";
    write(GloboLoader.CLICKS, header + "0,1,1,2,157541,1506826828020,4,3,20,1,20,2\n0,1,1,2,abc,1506826858020,4,3,20,1,20,2\n");
    DatasetException e = assertThrows(DatasetException.class, () -> new GloboLoader().load(dir));
    assertTrue(e.getMessage().contains("line 3: click_article_id must be an integer, got 'abc'"), e.getMessage());
  }

  @Test
  void globoRejectsBrokenMetadata() throws IOException {
    String header = "user_id,session_id,session_start,session_size,click_article_id,click_timestamp,click_environment,"
        + "click_deviceGroup,click_os,click_country,click_region,click_referrer_type\n";
    write(GloboLoader.CLICKS, header + "0,1,1,2,157541,1506826828020,4,3,20,1,20,2\n");
    write(GloboLoader.ARTICLES, "article_id,category_id,created_at_ts,publisher_id,words_count\n1,2,3\n");
    DatasetException e = assertThrows(DatasetException.class, () -> new GloboLoader().load(dir));
    assertTrue(e.getMessage().contains(GloboLoader.ARTICLES + " line 2: expected 5 fields"), e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    DatasetException e = assertThrows(DatasetException.class, () -> DatasetName.DIGINETICA.load(Optional.of(dir), 1, 1));
    assertTrue(e.getMessage().contains("missing") && e.getMessage().contains(DigineticaLoader.VIEWS), e.getMessage());
  }

  @Test
  void generatedIsDeterministic() {
    InteractionData a = DatasetName.GENERATED.load(Optional.empty(), 7, 2_000);
    InteractionData b = DatasetName.GENERATED.load(Optional.empty(), 7, 2_000);
    assertTrue(a.interactions().size() > 1_900, "page views: " + a.interactions().size());
    assertEquals(a.interactions(), b.interactions());
    assertTrue(a.catalog().size() >= 200);
  }

  @Test
  void realDatasetsLoadWithTheirDocumentedCounts() {
    Path data = sharedData();
    assumeTrue(Files.isDirectory(data.resolve("movielens-100k")),
        "skipped: real datasets not found at " + data + " (set -Deplly.data=DIR)");
    InteractionData ml = DatasetName.MOVIELENS.load(Optional.of(data.resolve("movielens-100k")), 0, 0);
    assertEquals(100_000, ml.interactions().size());
    assertEquals(1_682, ml.catalog().size());
    InteractionData dg = DatasetName.DIGINETICA.load(Optional.of(data.resolve("diginetica-sample")), 0, 0);
    assertEquals(12_391, dg.interactions().size());
    assertEquals(2_986, dg.interactions().stream().map(Interaction::sessionId).distinct().count());
    InteractionData globo = DatasetName.GLOBO.load(Optional.of(data.resolve("globo-g1")), 0, 0);
    assertEquals(318, globo.interactions().size());
    assertEquals(188, globo.catalog().size());
  }
}
