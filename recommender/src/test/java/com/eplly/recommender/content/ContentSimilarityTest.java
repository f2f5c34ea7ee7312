package com.eplly.recommender.content;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.content.ContentText;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.datasets.CatalogItem;
import com.eplly.recommender.datasets.DatasetFrames;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class ContentSimilarityTest {

  private final SparkSession spark;

  ContentSimilarityTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void unreadArticlesGetNeighboursByWordsAndSection() {
    List<CatalogItem> catalog = List.of(
        new CatalogItem("a1", "Mars rover finds water ice", "The rover drilled near the pole.", "science", 1L),
        new CatalogItem("a2", "Water ice on Mars confirmed", "Scientists confirm the rover's find.", "science", 2L),
        new CatalogItem("a3", "Election results in the capital", "Turnout was high.", "politics", 3L),
        new CatalogItem("a4", "Capital election recount", "The results are contested.", "politics", 4L),
        new CatalogItem("a5", "Telescope spots new comet", "A bright comet.", "science", 5L));
    ContentSimilarityModel model = new ContentSimilarity().fit(DatasetFrames.articles(spark, catalog)).setTopK(2);
    Map<String, List<Suggestion>> lists = new HashMap<>();
    for (Row r : model.neighbourLists(Candidates.unrestricted()).collectAsList()) {
      lists.put(r.getString(0), SuggestionLists.fromRow(r));
    }
    assertEquals("a2", lists.get("a1").get(0).articleId());
    assertEquals("a4", lists.get("a3").get(0).articleId());
    // a5 shares only its section with a1/a2: still similar, above the politics articles
    assertTrue(lists.get("a5").stream().allMatch(s -> s.articleId().equals("a1") || s.articleId().equals("a2")), lists.get("a5").toString());
    assertTrue(lists.get("a1").stream().allMatch(s -> s.reason() == Reason.SIMILAR_CONTENT && s.score() > 0 && s.score() <= 1 + 1e-9));
  }

  /** ingest's live index tokenises with ContentText in plain Java: the MLlib stages must cut the same terms. */
  @Test
  void mllibStagesCutTheSameTermsAsTheSharedTokenizer() {
    List<CatalogItem> catalog = List.of(
        new CatalogItem("t1", "The Mars-rover finds WATER_ICE in 2026", "A café, isn't it? Ünïcödé — naïve x y", "Local News", 1L),
        new CatalogItem("t2", "  leading gap", null, null, 2L),
        new CatalogItem("t3", "Budget vote: what we know so far", "Officials are expected to comment on the budget vote later today.", "politics", 3L));
    ContentSimilarity estimator = new ContentSimilarity();
    Dataset<Row> docs = DatasetFrames.articles(spark, catalog).select(col("articleId"), estimator.document().as("text"));
    Dataset<Row> words = ContentSimilarity.stopWords().setInputCol("tokens").setOutputCol("words")
        .transform(ContentSimilarity.tokenizer().setInputCol("text").setOutputCol("tokens").transform(docs));
    Map<String, List<String>> offline = new HashMap<>();
    for (Row r : words.select("articleId", "words").collectAsList()) {
      offline.put(r.getString(0), r.getList(1));
    }
    for (CatalogItem item : catalog) {
      assertEquals(ContentText.tokens(ContentText.document(item.title(), item.text(), item.category(),
          ContentText.DEFAULT_CATEGORY_WEIGHT)), offline.get(item.itemId()), item.itemId());
    }
    assertEquals(List.of(StopWordsRemover.loadDefaultStopWords("english")), ContentText.STOP_WORDS);
  }
}
