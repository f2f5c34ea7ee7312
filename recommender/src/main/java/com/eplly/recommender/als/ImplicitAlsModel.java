package com.eplly.recommender.als;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.max;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fitted reader and article factors. {@link #readerLists} ranks, for every reader, the candidate
 * articles they have not read yet; {@link #transform} scores given (reader, article) rows.
 */
public final class ImplicitAlsModel extends Model<ImplicitAlsModel> {

  /**
   * Most already-read articles skipped per reader when taking the top K: readers with more reads
   * than this (crawlers, heavy readers) may get fewer than K suggestions.
   */
  static final int MAX_EXCLUDED_PER_READER = 1000;

  private final String uid;
  private final StringIndexerModel readerIds;
  private final StringIndexerModel articleIds;
  private final ALSModel factors;
  private final Dataset<Row> seen;

  ImplicitAlsModel(String uid, StringIndexerModel readerIds, StringIndexerModel articleIds, ALSModel factors,
      Dataset<Row> seen) {
    this.uid = uid;
    this.readerIds = readerIds;
    this.articleIds = articleIds;
    this.factors = factors;
    this.seen = seen;
  }

  /** The underlying MLlib model (factors keyed by the indexer's integer ids). */
  public ALSModel factors() {
    return factors;
  }

  /** Reader ids by the integer index ALS's user factors are keyed with. */
  public String[] readerLabels() {
    return readerIds.labels();
  }

  /** Article ids by the integer index ALS's item factors are keyed with. */
  public String[] articleLabels() {
    return articleIds.labels();
  }

  public long readers() {
    return readerIds.labels().length;
  }

  public long articles() {
    return articleIds.labels().length;
  }

  /** Top {@code k} unread candidate articles per reader: {@code readerId, suggestions}. */
  public Dataset<Row> readerLists(int k, Candidates candidates) {
    return SuggestionLists.topK(readerScores(k, candidates), "readerId", "articleId", k, Reason.SIMILAR_READERS);
  }

  /**
   * At most {@code depth} unread candidate articles per reader, best first by preference:
   * {@code readerId, articleId, score} (what the hybrid blends).
   */
  public Dataset<Row> readerScores(int depth, Candidates candidates) {
    ALSModel candidateFactors = restrictedTo(candidates);
    int excluded = (int) Math.min(MAX_EXCLUDED_PER_READER, maxReadPerReader());
    Dataset<Row> ranked = candidateFactors.recommendForAllUsers(depth + excluded)
        .select(col(ImplicitAls.READER_INDEX), explode(col("recommendations")).as("r"))
        .select(col(ImplicitAls.READER_INDEX), col("r." + ImplicitAls.ARTICLE_INDEX).as(ImplicitAls.ARTICLE_INDEX),
            col("r.rating").cast("double").as("score"));
    return toStringIds(ranked).join(seen, new String[] {"readerId", "articleId"}, "left_anti");
  }

  private long maxReadPerReader() {
    Row row = seen.groupBy("readerId").agg(count("*").as("n")).agg(max("n")).head();
    return row.isNullAt(0) ? 0 : row.getLong(0);
  }

  /**
   * The same factors with only candidate articles on the item side, so the top K of
   * {@code recommendForAllUsers} is never spent on hidden or expired articles. The constructor is
   * Scala {@code private[ml]}, public in bytecode; MLlib offers no other way to subset items.
   */
  private ALSModel restrictedTo(Candidates candidates) {
    if (candidates.servable().isEmpty()) {
      return factors;
    }
    Dataset<Row> candidateIndexes = articleIds.transform(candidates.servable().get())
        .select(col(ImplicitAls.ARTICLE_INDEX).cast("int").as("id"));
    Dataset<Row> items = factors.itemFactors().join(candidateIndexes, "id");
    return new ALSModel(factors.uid(), factors.rank(), factors.userFactors(), items)
        .setUserCol(factors.getUserCol())
        .setItemCol(factors.getItemCol())
        .setColdStartStrategy(factors.getColdStartStrategy());
  }

  private Dataset<Row> toStringIds(Dataset<Row> indexed) {
    Dataset<Row> readers = new IndexToString().setInputCol(ImplicitAls.READER_INDEX).setOutputCol("readerId")
        .setLabels(readerIds.labels()).transform(indexed);
    return new IndexToString().setInputCol(ImplicitAls.ARTICLE_INDEX).setOutputCol("articleId")
        .setLabels(articleIds.labels()).transform(readers)
        .select("readerId", "articleId", "score");
  }

  /** Adds a {@code prediction} (preference) column to rows with {@code readerId} and {@code articleId}. */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return factors.transform(articleIds.transform(readerIds.transform(dataset)))
        .drop(ImplicitAls.READER_INDEX, ImplicitAls.ARTICLE_INDEX);
  }

  static StructType outputSchema(StructType input) {
    return input.add("prediction", DataTypes.FloatType);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema);
  }

  @Override
  public ImplicitAlsModel copy(ParamMap extra) {
    return copyValues(new ImplicitAlsModel(uid, readerIds, articleIds, factors, seen), extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }
}
