package com.eplly.recommender.popularity;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.SCORE;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.List;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Fitted popularity scores per article; {@link #topList} is the version's "popular" list. */
public final class RecencyPopularityModel extends Model<RecencyPopularityModel> {

  /** Key of the single row holding the popular list. */
  public static final String LIST_KEY = "popular";

  private final String uid;
  private final Dataset<Row> scores;

  RecencyPopularityModel(String uid, Dataset<Row> scores) {
    this.uid = uid;
    this.scores = scores;
  }

  /** {@code articleId, score} for every article seen. */
  public Dataset<Row> scores() {
    return scores;
  }

  /** The {@code n} most popular candidates, best first (ties by article id). */
  public List<Suggestion> top(int n, Candidates candidates) {
    return candidates.restrict(scores, ARTICLE_ID)
        .orderBy(col(SCORE).desc(), col(ARTICLE_ID).asc())
        .limit(n)
        .collectAsList().stream()
        .map(r -> new Suggestion(r.getString(r.fieldIndex(ARTICLE_ID)), r.getDouble(r.fieldIndex(SCORE)), Reason.POPULAR))
        .toList();
  }

  /** {@link #top} as the one list row stored with a version: {@code list, suggestions}. */
  public Dataset<Row> topList(int n, Candidates candidates) {
    return SuggestionLists.single(scores.sparkSession(), "list", LIST_KEY, top(n, candidates));
  }

  /** Adds a {@code popularity} column (0 for articles without views) to rows with an {@code articleId}. */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return dataset.toDF()
        .join(scores.withColumnRenamed(SCORE, "popularity"), ARTICLE_ID, "left")
        .withColumn("popularity", coalesce(col("popularity"), lit(0.0)));
  }

  static StructType outputSchema(StructType input) {
    return input.add("popularity", DataTypes.DoubleType, false);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema);
  }

  @Override
  public RecencyPopularityModel copy(ParamMap extra) {
    return copyValues(new RecencyPopularityModel(uid, scores), extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }
}
