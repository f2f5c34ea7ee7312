package com.eplly.recommender.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.Views;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** {@link DatasetBlend#lists} on Spark: grouped per key, candidates first, then the blend rule. */
@SparkTest
class DatasetBlendTest {

  private final SparkSession spark;

  DatasetBlendTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> rows(Object... keyCandidateScore) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keyCandidateScore.length; i += 3) {
      rows.add(RowFactory.create(keyCandidateScore[i], keyCandidateScore[i + 1],
          ((Number) keyCandidateScore[i + 2]).doubleValue()));
    }
    return spark.createDataFrame(rows, new StructType().add("articleId", "string").add("neighbourId", "string")
        .add("score", "double"));
  }

  private static Map<String, List<Suggestion>> collect(Dataset<Row> lists) {
    Map<String, List<Suggestion>> out = new TreeMap<>();
    for (Row r : lists.collectAsList()) {
      out.put(r.getString(0), SuggestionLists.fromRow(r));
    }
    return out;
  }

  @Test
  void blendsPerKeyAmongCandidatesWithTheSharedRule() {
    Dataset<Row> covisits = rows("A", "B", 4.0, "A", "C", 2.0, "A", "X", 100.0, "D", "B", 1.0);
    Dataset<Row> content = rows("A", "C", 0.9, "A", "D", 0.3, "B", "A", 0.5);
    HybridWeights weights = HybridWeights.parse("co-visitation=1,content=2,als=5");
    Candidates candidates = Candidates.of(Views.articleIds(spark, List.of("A", "B", "C", "D")));
    Map<String, List<Suggestion>> lists = collect(DatasetBlend.lists(List.of(
        new SourceScoreRows(Source.CO_VISITATION, covisits),
        new SourceScoreRows(Source.CONTENT, content),
        new SourceScoreRows(Source.FOLLOWED_BY, rows("A", "D", 50.0))),
        weights, "articleId", "neighbourId", 2, candidates));
    // A: X is no candidate, so covisit max 4: B 1.0, C 0.5; content max 0.9: C 2*1.0, D 2*(1/3);
    // followed-by weighs 0. C = 2.5 (content's reason), B = 1.0; D cut by k = 2.
    assertEquals(List.of("A", "B", "D"), List.copyOf(lists.keySet()));
    assertEquals(List.of(new Suggestion("C", 2.5, Reason.SIMILAR_CONTENT), new Suggestion("B", 1.0, Reason.READ_TOGETHER)),
        lists.get("A"));
    assertEquals(List.of(new Suggestion("A", 2.0, Reason.SIMILAR_CONTENT)), lists.get("B"));
    assertEquals(List.of(new Suggestion("B", 1.0, Reason.READ_TOGETHER)), lists.get("D"));
  }

  @Test
  void everySourceWeighingZeroIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> DatasetBlend.lists(
        List.of(new SourceScoreRows(Source.CONTENT, rows("A", "B", 1.0))),
        HybridWeights.parse("co-visitation=1"), "articleId", "neighbourId", 2, Candidates.unrestricted()));
  }
}
