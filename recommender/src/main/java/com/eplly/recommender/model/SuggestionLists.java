package com.eplly.recommender.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.recommender.lake.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The on-disk shape of a model's ranked lists: one row per key with an ordered
 * {@code suggestions} array of {@code (rank, articleId, score, reason)} structs.
 */
public final class SuggestionLists {

  public static final String SUGGESTIONS = "suggestions";
  public static final String RANK = "rank";
  public static final String ARTICLE_ID = Columns.ARTICLE_ID;
  public static final String SCORE = Columns.SCORE;
  public static final String REASON = "reason";

  private SuggestionLists() {}

  /**
   * Keeps the {@code k} best candidates per key and packs them into the suggestions array.
   * Ties are broken by article id so that a retrain on the same data gives the same lists.
   *
   * @param scored rows of {@code keyCol}, {@code candidateCol} and {@code score}
   */
  public static Dataset<Row> topK(Dataset<Row> scored, String keyCol, String candidateCol, int k, Reason reason) {
    return topK(scored, keyCol, candidateCol, k, lit(reason.wireName()));
  }

  /** As {@link #topK(Dataset, String, String, int, Reason)}, with each row's reason given by {@code reason}. */
  public static Dataset<Row> topK(Dataset<Row> scored, String keyCol, String candidateCol, int k, Column reason) {
    var byScore = Window.partitionBy(col(keyCol)).orderBy(col(SCORE).desc(), col(candidateCol).asc());
    return scored
        .withColumn(RANK, row_number().over(byScore))
        .where(col(RANK).leq(k))
        .groupBy(col(keyCol))
        .agg(sort_array(collect_list(struct(
            col(RANK).as(RANK),
            col(candidateCol).as(ARTICLE_ID),
            col(SCORE).as(SCORE),
            reason.as(REASON)))).as(SUGGESTIONS));
  }

  /** Schema of list rows keyed by {@code keyCol}. */
  public static StructType schema(String keyCol) {
    StructType item = new StructType()
        .add(RANK, DataTypes.IntegerType, false)
        .add(ARTICLE_ID, DataTypes.StringType)
        .add(SCORE, DataTypes.DoubleType, false)
        .add(REASON, DataTypes.StringType);
    return new StructType().add(keyCol, DataTypes.StringType).add(SUGGESTIONS, DataTypes.createArrayType(item));
  }

  /** One list row built on the driver, for short lists such as the popular one. */
  public static Dataset<Row> single(SparkSession spark, String keyCol, String key, List<Suggestion> items) {
    List<Row> structs = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Suggestion s = items.get(i);
      structs.add(RowFactory.create(i + 1, s.articleId(), s.score(), s.reason().wireName()));
    }
    return spark.createDataFrame(List.of(RowFactory.create(key, structs)), schema(keyCol));
  }

  /** The suggestions of one list row, in rank order. */
  public static List<Suggestion> fromRow(Row row) {
    List<Row> items = row.getList(row.fieldIndex(SUGGESTIONS));
    List<Suggestion> out = new ArrayList<>(items.size());
    for (Row item : items) {
      out.add(new Suggestion(
          item.getString(item.fieldIndex(ARTICLE_ID)),
          item.getDouble(item.fieldIndex(SCORE)),
          Reason.fromWireName(item.getString(item.fieldIndex(REASON)))));
    }
    return out;
  }
}
