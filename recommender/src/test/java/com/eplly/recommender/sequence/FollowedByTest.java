package com.eplly.recommender.sequence;

import static com.eplly.recommender.LakeFixture.session;
import static com.eplly.recommender.LakeFixture.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.Views;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class FollowedByTest {

  private static final long T0 = 1_795_000_000_000L;
  private static final long DAY = 86_400_000L;
  /** Sessions start ten seconds before T0, so decay to T0 is ~1. */
  private static final long START = T0 - 10_000;
  private final SparkSession spark;

  FollowedByTest(SparkSession spark) {
    this.spark = spark;
  }

  private static List<PageView> sessions() {
    List<PageView> views = new ArrayList<>();
    session(views, START, "s1", "A", "B", "C");
    session(views, START, "s2", "A", "B");
    session(views, START, "s3", "B", "A");
    session(views, START, "s4", "A", "A", "C"); // a re-read is a transition to itself
    return views;
  }

  private FollowedByModel fit(List<PageView> views, int window) {
    return fit(views, window, 0);
  }

  private FollowedByModel fit(List<PageView> views, int window, double reReadPrior) {
    return new FollowedBy().setWindow(window).setHalfLifeMs(7 * DAY).setReferenceTime(T0).setReReadPrior(reReadPrior)
        .fit(Views.of(spark, views)).setTopK(10);
  }

  private Map<String, Double> scores(FollowedByModel model, String article) {
    Map<String, Double> out = new HashMap<>();
    for (Row r : model.scores().where("articleId = '" + article + "'").collectAsList()) {
      out.put(r.getString(1), r.getDouble(2));
    }
    return out;
  }

  @Test
  void adjacentTransitionsAreNextClickProbabilitiesWithOrderAndRereads() {
    FollowedByModel model = fit(sessions(), 1);

    // window 1, A's next clicks: B (s1, s2), A (s4), C (s4) -> 2/4, 1/4, 1/4; B only goes back to A once
    Map<String, Double> a = scores(model, "A");
    assertEquals(3, a.size(), a.toString());
    assertEquals(0.5, a.get("B"), 1e-4);
    assertEquals(0.25, a.get("A"), 1e-4);
    assertEquals(0.25, a.get("C"), 1e-4);
    Map<String, Double> b = scores(model, "B");
    assertEquals(0.5, b.get("C"), 1e-4);
    assertEquals(0.5, b.get("A"), 1e-4);
    assertTrue(scores(model, "C").isEmpty(), "nothing follows C");
  }

  @Test
  void fartherFollowersWeighOneOverTheGap() {
    FollowedByModel model = fit(sessions(), 2);

    // A: B 1+1, C 1/2 (s1, gap 2) + 1 (s4, from the second A) + 1/2 (s4, from the first A), A 1 -> total 5
    Map<String, Double> a = scores(model, "A");
    assertEquals(2 / 5.0, a.get("B"), 1e-4);
    assertEquals(2 / 5.0, a.get("C"), 1e-4);
    assertEquals(1 / 5.0, a.get("A"), 1e-4);
  }

  @Test
  void reReadPriorPullsEveryArticleTowardsTheOverallReReadRate() {
    FollowedByModel model = fit(sessions(), 1, 2);

    // window 1: 6 transitions (A->B twice, B->C, B->A, A->A, A->C), 1 a re-read: r = 1/6. A: out 4, B: out 2, C: 0
    double r = 1 / 6.0;
    Map<String, Double> a = scores(model, "A");
    assertEquals((1 + 2 * r) / 6, a.get("A"), 1e-4);
    assertEquals(2 / 6.0, a.get("B"), 1e-4);
    assertEquals((2 * r) / 4, scores(model, "B").get("B"), 1e-4);
    Map<String, Double> c = scores(model, "C");
    assertEquals(java.util.Set.of("C"), c.keySet(), "an article nothing follows still gets its re-read");
    assertEquals(r, c.get("C"), 1e-4);
  }

  @Test
  void olderTransitionsWeighLess() {
    List<PageView> views = List.of(
        view("r1", "X", "old", T0 - 7 * DAY), view("r1", "Y", "old", T0 - 7 * DAY + 1000),
        view("r2", "X", "new", T0 - 2000), view("r2", "Z", "new", T0 - 1000));
    Map<String, Double> x = scores(fit(views, 1), "X");

    // X->Y weighs 0.5 (one half-life), X->Z ~1
    assertEquals(0.5 / 1.5, x.get("Y"), 1e-4);
    assertEquals(1 / 1.5, x.get("Z"), 1e-4);
  }

  @Test
  void publishedListsLeaveOutTheArticleItselfAndRespectCandidates() {
    FollowedByModel model = fit(sessions(), 1);
    Map<String, List<Suggestion>> lists = new HashMap<>();
    for (Row row : model.neighbourLists(Candidates.of(Views.articleIds(spark, List.of("A", "B")))).collectAsList()) {
      lists.put(row.getString(0), SuggestionLists.fromRow(row));
    }

    assertEquals(List.of("B"), lists.get("A").stream().map(Suggestion::articleId).toList()); // not A, and C not servable
    assertEquals(Reason.READ_TOGETHER, lists.get("A").get(0).reason());
    assertEquals(List.of("A"), lists.get("B").stream().map(Suggestion::articleId).toList());
  }

  @Test
  void missingSessionColumnIsAClearError() {
    var noSession = Views.of(spark, sessions()).drop("sessionId");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FollowedBy().setReferenceTime(T0).fit(noSession));
    assertTrue(e.getMessage().contains("sessionId"), e.getMessage());
  }
}
