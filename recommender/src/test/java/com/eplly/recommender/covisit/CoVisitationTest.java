package com.eplly.recommender.covisit;

import static com.eplly.recommender.LakeFixture.session;
import static com.eplly.recommender.LakeFixture.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
class CoVisitationTest {

  private static final long T0 = 1_795_000_000_000L;
  private static final long DAY = 86_400_000L;
  /** Sessions start ten seconds before T0, so decay to T0 is ~1. */
  private static final long START = T0 - 10_000;
  private final SparkSession spark;

  CoVisitationTest(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * One second apart, "now" = T0 so decay is ~1. Sessions containing A: 5, B: 4 (s5 counts once),
   * C: 3, D: 3.
   */
  private static List<PageView> sessions() {
    List<PageView> views = new ArrayList<>();
    session(views, START, "s1", "A", "B", "C");
    session(views, START, "s2", "A", "B");
    session(views, START, "s3", "A", "C", "D");
    session(views, START, "s4", "B", "A");
    session(views, START, "s5", "B", "D", "B"); // the re-read of B is not a new visit
    session(views, START, "s6", "C", "D");
    session(views, START, "s7", "A");
    return views;
  }

  private Map<String, List<Suggestion>> lists(CoVisitationModel model, Candidates candidates) {
    Map<String, List<Suggestion>> out = new HashMap<>();
    for (Row row : model.neighbourLists(candidates).collectAsList()) {
      out.put(row.getString(0), SuggestionLists.fromRow(row));
    }
    return out;
  }

  private CoVisitationModel fit(List<PageView> views, int window) {
    return new CoVisitation().setWindow(window).setHalfLifeMs(7 * DAY).setReferenceTime(T0)
        .fit(Views.of(spark, views)).setTopK(10);
  }

  @Test
  void adjacentPairsNormalisedByGeometricMean() {
    Map<String, List<Suggestion>> lists = lists(fit(sessions(), 1), Candidates.unrestricted());

    // window 1: co(A,B)=3 (s1,s2,s4), co(B,C)=1 (s1), co(A,C)=1 (s3), co(C,D)=2 (s3,s6), co(B,D)=1 (s5)
    assertNeighbours(lists.get("A"), "B", 3 / Math.sqrt(5 * 4), "C", 1 / Math.sqrt(5 * 3));
    assertNeighbours(lists.get("C"), "D", 2 / Math.sqrt(3 * 3), "B", 1 / Math.sqrt(3 * 4), "A", 1 / Math.sqrt(3 * 5));
    assertNeighbours(lists.get("D"), "C", 2 / Math.sqrt(3 * 3), "B", 1 / Math.sqrt(3 * 4));
    assertTrue(lists.get("A").stream().allMatch(s -> s.reason() == Reason.READ_TOGETHER));
  }

  @Test
  void widerWindowPairsArticlesTwoApart() {
    Map<String, List<Suggestion>> lists = lists(fit(sessions(), 2), Candidates.unrestricted());

    // s1 now also pairs A with C (co 2), s3 pairs A with D
    assertNeighbours(lists.get("A"), "B", 3 / Math.sqrt(5 * 4), "C", 2 / Math.sqrt(5 * 3), "D", 1 / Math.sqrt(5 * 3));
  }

  @Test
  void topKAndCandidatesLimitTheLists() {
    CoVisitationModel model = fit(sessions(), 1).setTopK(1);
    Map<String, List<Suggestion>> lists = lists(model, Candidates.of(Views.articleIds(spark, List.of("A", "B", "C"))));

    assertNeighbours(lists.get("C"), "B", 1 / Math.sqrt(3 * 4)); // D is not servable
    assertNeighbours(lists.get("A"), "B", 3 / Math.sqrt(5 * 4));
    assertNeighbours(lists.get("D"), "C", 2 / Math.sqrt(3 * 3)); // only suggestions are restricted, not the pages
  }

  @Test
  void olderPairsWeighLess() {
    List<PageView> views = List.of(
        view("r1", "X", "old", T0 - 7 * DAY), view("r1", "Y", "old", T0 - 7 * DAY + 1000),
        view("r2", "X", "new", T0 - 2000), view("r2", "Z", "new", T0 - 1000));
    Map<String, List<Suggestion>> lists = lists(fit(views, 1), Candidates.unrestricted());

    // weights: X-Y 0.5 (one half-life), X-Z ~1; n(X)=1.5, n(Y)=0.5, n(Z)=1
    assertNeighbours(lists.get("X"), "Z", 1 / Math.sqrt(1.5), "Y", 0.5 / Math.sqrt(0.75));
  }

  private static void assertNeighbours(List<Suggestion> actual, Object... expected) {
    assertEquals(expected.length / 2, actual.size(), "neighbours: " + actual);
    for (int i = 0; i < actual.size(); i++) {
      assertEquals(expected[2 * i], actual.get(i).articleId(), "rank " + (i + 1) + " of " + actual);
      assertEquals((Double) expected[2 * i + 1], actual.get(i).score(), 1e-4, "score of " + actual.get(i));
    }
  }
}
