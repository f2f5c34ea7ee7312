package com.eplly.recommender.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares the ranked lists of two trained versions (e.g. one trained in local mode, one on a
 * cluster): same keys, same articles in the same order, scores within a tolerance.
 */
public final class ListsComparison {

  /**
   * How one kind of list differs.
   *
   * @param kind           article-lists, reader-lists or popular
   * @param lists          lists in the first version
   * @param onlyFirst      keys only the first version has
   * @param onlySecond     keys only the second version has
   * @param differentOrder keys whose articles differ or come in another order
   * @param maxScoreDiff   largest score difference among lists with the same articles
   */
  public record Diff(String kind, long lists, long onlyFirst, long onlySecond, long differentOrder, double maxScoreDiff) {

    public boolean sameWithin(double tolerance) {
      return onlyFirst == 0 && onlySecond == 0 && differentOrder == 0 && maxScoreDiff <= tolerance;
    }
  }

  private final SparkSession spark;

  public ListsComparison(SparkSession spark) {
    this.spark = spark;
  }

  /** One {@link Diff} per list kind of the two version folders. */
  public List<Diff> compare(StoredVersion first, StoredVersion second) {
    List<Diff> diffs = new ArrayList<>();
    diffs.add(compare("article-lists", first.articleLists(), second.articleLists()));
    diffs.add(compare("reader-lists", first.readerLists(), second.readerLists()));
    diffs.add(compare("popular", first.popularList(), second.popularList()));
    return diffs;
  }

  private Diff compare(String kind, String firstPath, String secondPath) {
    Dataset<Row> a = flattened(spark.read().parquet(firstPath), "a");
    Dataset<Row> b = flattened(spark.read().parquet(secondPath), "b");
    Row r = a.join(b, a.col("key").equalTo(b.col("key")), "full_outer")
        .select(
            col("a_ids").isNotNull().as("inA"),
            col("b_ids").isNotNull().as("inB"),
            expr("a_ids IS NOT NULL AND b_ids IS NOT NULL AND a_ids <> b_ids").as("reordered"),
            expr("CASE WHEN a_ids = b_ids THEN aggregate(zip_with(a_scores, b_scores, (x, y) -> abs(x - y)),"
                + " 0D, (acc, d) -> greatest(acc, d)) END").as("scoreDiff"))
        .selectExpr(
            "count_if(inA)", "count_if(inA AND NOT inB)", "count_if(inB AND NOT inA)", "count_if(reordered)",
            "coalesce(max(scoreDiff), 0D)")
        .head();
    return new Diff(kind, r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getDouble(4));
  }

  /** key, article ids in rank order, scores in rank order; the key is each list file's first column. */
  private static Dataset<Row> flattened(Dataset<Row> lists, String prefix) {
    String key = lists.columns()[0];
    return lists.select(
        col(key).as("key"),
        expr("transform(" + SuggestionLists.SUGGESTIONS + ", s -> s." + SuggestionLists.ARTICLE_ID + ")").as(prefix + "_ids"),
        expr("transform(" + SuggestionLists.SUGGESTIONS + ", s -> s." + SuggestionLists.SCORE + ")").as(prefix + "_scores"))
        .as(prefix);
  }
}
