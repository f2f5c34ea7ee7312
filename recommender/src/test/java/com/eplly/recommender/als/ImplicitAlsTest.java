package com.eplly.recommender.als;

import static com.eplly.recommender.LakeFixture.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@SparkTest
class ImplicitAlsTest {

  private static final long T0 = 1_795_000_000_000L;
  private static SparkSession spark;
  private static ImplicitAlsModel model;
  private static final Map<String, Set<String>> READ = new HashMap<>();

  /**
   * Two reader groups with disjoint tastes: sports readers each read three of s0..s3, science
   * readers three of c0..c3. Each reader's best unread article is the one of their group they missed.
   */
  @BeforeAll
  static void fit(SparkSession session) {
    spark = session;
    List<PageView> views = new ArrayList<>();
    for (String group : List.of("s", "c")) {
      for (int r = 0; r < 8; r++) {
        String reader = group + "-reader-" + r;
        for (int a = 0; a < 4; a++) {
          if (a != r % 4) {
            String article = group + a;
            views.add(view(reader, article, reader + "-session", T0 + a));
            READ.computeIfAbsent(reader, k -> new HashSet<>()).add(article);
          }
        }
      }
    }
    model = new ImplicitAls().setRank(4).setMaxIter(10).setRegParam(0.01).setAlpha(10).setSeed(7)
        .fit(Views.of(spark, views));
  }

  private static Map<String, List<Suggestion>> lists(int k, Candidates candidates) {
    Map<String, List<Suggestion>> out = new HashMap<>();
    for (Row row : model.readerLists(k, candidates).collectAsList()) {
      out.put(row.getString(0), SuggestionLists.fromRow(row));
    }
    return out;
  }

  @Test
  void suggestsTheMissedArticleOfTheReadersGroupAndNothingRead() {
    Map<String, List<Suggestion>> lists = lists(3, Candidates.unrestricted());

    assertEquals(16, lists.size());
    lists.forEach((reader, list) -> {
      assertEquals(3, list.size(), reader + ": " + list);
      String group = reader.substring(0, 1);
      String missed = group + (Integer.parseInt(reader.substring(reader.lastIndexOf('-') + 1)) % 4);
      assertEquals(missed, list.get(0).articleId(), reader + ": " + list);
      assertTrue(list.stream().noneMatch(s -> READ.get(reader).contains(s.articleId())), reader + " got a read article: " + list);
      assertTrue(list.stream().allMatch(s -> s.reason() == Reason.SIMILAR_READERS));
      assertTrue(list.get(0).score() >= list.get(1).score());
    });
  }

  @Test
  void onlySuggestsCandidates() {
    Map<String, List<Suggestion>> lists = lists(3, Candidates.of(Views.articleIds(spark, List.of("s1", "s2", "c1"))));

    List<Suggestion> reader1 = lists.get("s-reader-1"); // read s0, s2, s3; s1 is the only unread sports candidate
    assertEquals("s1", reader1.get(0).articleId());
    assertFalse(lists.values().stream().flatMap(List::stream).anyMatch(s -> s.articleId().equals("s0")));
  }

  @Test
  void transformScoresKnownPairsAndDropsUnknownIds() {
    List<Row> pairs = List.of(RowFactory.create("s-reader-1", "s1"), RowFactory.create("s-reader-1", "c1"),
        RowFactory.create("new-reader", "s1"), RowFactory.create("s-reader-1", "new-article"));
    StructType schema = new StructType().add("readerId", "string").add("articleId", "string");

    Map<String, Float> scores = new HashMap<>();
    for (Row r : model.transform(spark.createDataFrame(pairs, schema)).collectAsList()) {
      assertEquals("s-reader-1", r.getAs("readerId"));
      scores.put(r.getAs("articleId"), r.getAs("prediction"));
    }

    assertEquals(Set.of("s1", "c1"), scores.keySet());
    assertTrue(scores.get("s1") > scores.get("c1"), scores.toString());
  }
}
