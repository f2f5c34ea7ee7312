package com.eplly.recommender.als;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.SCORE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.hybrid.BoundedTopK;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.reflect.ClassTag$;

/**
 * Fitted reader and article factors. {@link #readerLists} ranks, for every reader, the candidate
 * articles they have not read yet; {@link #transform} scores given (reader, article) rows.
 */
public final class ImplicitAlsModel extends Model<ImplicitAlsModel> {

  private final String uid;
  private final LabelTable readers;
  private final LabelTable articles;
  private final ALSModel factors;
  private final Dataset<Row> seen;

  ImplicitAlsModel(String uid, LabelTable readers, LabelTable articles, ALSModel factors, Dataset<Row> seen) {
    this.uid = uid;
    this.readers = readers;
    this.articles = articles;
    this.factors = factors;
    this.seen = seen;
  }

  /** The underlying MLlib model (factors keyed by the indexer's integer ids). */
  public ALSModel factors() {
    return factors;
  }

  /** Reader ids by the integer index ALS's user factors are keyed with. */
  public String[] readerLabels() {
    return readers.labels();
  }

  /** Article ids by the integer index ALS's item factors are keyed with. */
  public String[] articleLabels() {
    return articles.labels();
  }

  /** Top {@code k} unread candidate articles per reader: {@code readerId, suggestions}. */
  public Dataset<Row> readerLists(int k, Candidates candidates) {
    return SuggestionLists.topK(readerScores(k, candidates), READER_ID, ARTICLE_ID, k, Reason.SIMILAR_READERS);
  }

  /**
   * At most {@code depth} unread candidate articles per reader, best first by preference:
   * {@code readerId, articleId, score} (scored in place, see {@link #candidateFactors}).
   */
  public Dataset<Row> readerScores(int depth, Candidates candidates) {
    Broadcast<CandidateFactors> items = seen.sparkSession().sparkContext()
        .broadcast(candidateFactors(candidates), ClassTag$.MODULE$.apply(CandidateFactors.class));
    StructType schema = new StructType().add(READER_ID, "string").add(ARTICLE_ID, "string").add(SCORE, "double");
    MapPartitionsFunction<Row, Row> score = readers -> {
      float[] scratch = new float[items.value().articles()];
      List<Row> out = new ArrayList<>();
      while (readers.hasNext()) {
        Row r = readers.next();
        List<String> read = r.getList(1);
        for (BoundedTopK.Entry e : items.value().top(floats(r.getList(2)), read, depth, scratch).best()) {
          out.add(RowFactory.create(r.getString(0), e.id(), e.score()));
        }
      }
      return out.iterator();
    };
    return seen.transform(ImplicitAlsModel::histories)
        .join(readerFactors(), READER_ID)
        .mapPartitions(score, Encoders.row(schema));
  }

  /** {@code readerId, items}: the distinct articles each reader has read. */
  public static Dataset<Row> histories(Dataset<Row> readerArticles) {
    return readerArticles.groupBy(col(READER_ID)).agg(collect_set(col(ARTICLE_ID)).as("items"));
  }

  /** {@code readerId, features}: every trained reader's factors. */
  public Dataset<Row> readerFactors() {
    return readers.labelled(factors.userFactors(), "id").select(col(READER_ID), col("features"));
  }

  /**
   * The candidate articles' factors (every article's when unrestricted), collected for scoring
   * readers in place: each reader's row is scored against all of them with the read ones
   * skipped, instead of {@code recommendForAllUsers} taking extra items per reader to make up for
   * the read ones and a join removing them. Their count is bounded by the candidates, not the data.
   */
  public CandidateFactors candidateFactors(Candidates candidates) {
    Dataset<Row> items = factors.itemFactors();
    if (candidates.servable().isPresent()) {
      Dataset<Row> candidateIndexes = articles.indexed(candidates.servable().get())
          .select(col(ImplicitAls.ARTICLE_INDEX).as("id"));
      items = items.join(candidateIndexes, "id");
    }
    // Ids index the alphabetical labels: ordered by id, the articles are in id order.
    List<Row> rows = items.select(col("id"), col("features")).orderBy(col("id")).collectAsList();
    String[] all = articles.labels();
    int rank = factors.rank();
    String[] labels = new String[rows.size()];
    float[] matrix = new float[rank * rows.size()];
    for (int j = 0; j < rows.size(); j++) {
      labels[j] = all[rows.get(j).getInt(0)];
      System.arraycopy(floats(rows.get(j).getList(1)), 0, matrix, j * rank, rank);
    }
    return new CandidateFactors(rank, labels, matrix);
  }

  /** An {@code array<float>} column's value as a primitive array. */
  public static float[] floats(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** Adds a {@code prediction} (preference) column to rows with {@code readerId} and {@code articleId}. */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return factors.transform(articles.indexed(readers.indexed(dataset.toDF())))
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
    return copyValues(new ImplicitAlsModel(uid, readers, articles, factors, seen), extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }
}
