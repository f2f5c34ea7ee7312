package com.eplly.recommender.popularity;

import static com.eplly.recommender.LakeFixture.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.Views;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class RecencyPopularityTest {

  private static final long NOW = 1_795_000_000_000L;
  private static final long DAY = 86_400_000L;
  private final SparkSession spark;

  RecencyPopularityTest(SparkSession spark) {
    this.spark = spark;
  }

  private static List<PageView> views() {
    List<PageView> views = new ArrayList<>();
    add(views, "old", 4, NOW - 2 * DAY); // 4 x 1/4 = 1.0
    add(views, "mid", 3, NOW - DAY);     // 3 x 1/2 = 1.5
    add(views, "new", 2, NOW);           // 2 x 1   = 2.0
    return views;
  }

  private static void add(List<PageView> out, String article, int n, long ts) {
    for (int i = 0; i < n; i++) {
      out.add(view("r" + i, article, "s-" + article + i, ts));
    }
  }

  private List<Suggestion> top(int n, Candidates candidates) {
    RecencyPopularityModel model = new RecencyPopularity().setHalfLifeMs(DAY).setReferenceTime(NOW)
        .fit(Views.of(spark, views()));
    List<Row> rows = model.topList(n, candidates).collectAsList();
    assertEquals(1, rows.size());
    return SuggestionLists.fromRow(rows.get(0));
  }

  @Test
  void recentViewsOutweighMoreOlderViews() {
    List<Suggestion> top = top(10, Candidates.unrestricted());

    assertEquals(List.of("new", "mid", "old"), top.stream().map(Suggestion::articleId).toList());
    assertEquals(2.0, top.get(0).score(), 1e-9);
    assertEquals(1.5, top.get(1).score(), 1e-9);
    assertEquals(1.0, top.get(2).score(), 1e-9);
    assertEquals(Reason.POPULAR, top.get(0).reason());
  }

  @Test
  void keepsTopNServableArticles() {
    List<Suggestion> top = top(1, Candidates.of(Views.articleIds(spark, List.of("old", "mid"))));

    assertEquals(List.of("mid"), top.stream().map(Suggestion::articleId).toList());
  }

  @Test
  void transformAddsPopularityColumn() {
    RecencyPopularityModel model = new RecencyPopularity().setHalfLifeMs(DAY).setReferenceTime(NOW)
        .fit(Views.of(spark, views()));
    List<Row> rows = model.transform(Views.articleIds(spark, List.of("mid", "unknown"))).orderBy("articleId").collectAsList();

    assertEquals(1.5, rows.get(0).<Double>getAs("popularity"), 1e-9);
    assertEquals(0.0, rows.get(1).<Double>getAs("popularity"), 1e-9);
  }
}
