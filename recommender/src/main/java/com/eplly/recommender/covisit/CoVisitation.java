package com.eplly.recommender.covisit;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.NEIGHBOUR_ID;
import static com.eplly.recommender.lake.Columns.SCORE;
import static com.eplly.recommender.lake.Columns.SESSION_ID;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import com.eplly.recommender.lake.Columns;
import com.eplly.recommender.params.SessionPairEstimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructType;

/**
 * Session co-visitation: articles read close together in the same session are related.
 *
 * <p>Input: page views with {@code sessionId}, {@code articleId}, {@code timestamp}. Each pair of
 * distinct articles at most {@code window} positions apart in a session counts once per session,
 * weighted {@code 2^(-age/halfLife)} by the age of the later view at {@code referenceTime}. The
 * score is that weight normalised by the geometric mean of the two articles' own decayed session
 * counts, so that popular articles do not become everyone's neighbour.
 */
public final class CoVisitation extends SessionPairEstimator<CoVisitation, CoVisitationModel> {

  private static final String LATER = "_later";

  public CoVisitation() {
    this(Identifiable.randomUID("coVisitation"));
  }

  public CoVisitation(String uid) {
    super(uid, "a pair");
  }

  @Override
  public CoVisitationModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    int w = getWindow();
    long halfLife = getHalfLifeMs();
    long now = getReferenceTime();
    // Read twice (pairs and per-article weights); the model's lazy scores keep using it.
    Dataset<Row> visits = dataset.toDF().transform(CoVisitation::firstVisitPerSession).cache();
    Dataset<Row> pairs = visits
        .transform(v -> followingViews(v, w))
        .transform(CoVisitation::bothDirections)
        .transform(p -> decayedPairWeights(p, now, halfLife));
    Dataset<Row> articleWeights = visits.transform(v -> decayedArticleWeights(v, now, halfLife));
    Dataset<Row> scores = normalised(pairs, articleWeights);
    return copyValues(new CoVisitationModel(uid(), scores), extractParamMap()).setParent(this);
  }

  /** A re-read of the same article in a session is not a new co-visit: keep the first view. */
  static Dataset<Row> firstVisitPerSession(Dataset<Row> views) {
    return views.groupBy(col(SESSION_ID), col(ARTICLE_ID)).agg(min(col(TIMESTAMP)).as(TIMESTAMP));
  }

  /**
   * Each view with each of the (at most {@code window}) views after it in its session, in time
   * order (ties by article id): {@code articleId, neighbourId, gap, pairTime} with the later view's
   * time. {@code lead()} over one sort of the session rather than a self-join, whose cost grows
   * with the square of a session's length (MovieLens readers have hundreds of ratings).
   */
  public static Dataset<Row> followingViews(Dataset<Row> views, int window) {
    WindowSpec inSession = Window.partitionBy(col(SESSION_ID)).orderBy(col(TIMESTAMP), col(ARTICLE_ID));
    Column later = struct(col(ARTICLE_ID).as(NEIGHBOUR_ID), col(TIMESTAMP).as("pairTime"));
    Column[] withLater = new Column[window + 1];
    withLater[0] = col(ARTICLE_ID);
    Column[] gaps = new Column[window];
    for (int gap = 1; gap <= window; gap++) {
      // Spark evaluates window functions only as plain columns, not inside the generator below;
      // all in one select, so that one Window operator buffers each session once, not once per gap.
      withLater[gap] = lead(later, gap).over(inSession).as(LATER + gap);
      gaps[gap - 1] = struct(lit(gap).as("gap"), col(LATER + gap).as("later"));
    }
    return views.select(withLater)
        .select(col(ARTICLE_ID), explode(array(gaps)).as("next"))
        .where(col("next.later").isNotNull())
        .select(col(ARTICLE_ID), col("next.later.neighbourId").as(NEIGHBOUR_ID), col("next.gap").as("gap"),
            col("next.later.pairTime").as("pairTime"));
  }

  /**
   * Co-visits have no direction: each pair counts for both of its articles. Both rows come from
   * one pass: a union of the two directions would sort and window every session twice.
   */
  static Dataset<Row> bothDirections(Dataset<Row> following) {
    Column forward = struct(col(ARTICLE_ID), col(NEIGHBOUR_ID), col("pairTime"));
    Column backward = struct(col(NEIGHBOUR_ID).as(ARTICLE_ID), col(ARTICLE_ID).as(NEIGHBOUR_ID), col("pairTime"));
    return following.select(explode(array(forward, backward)).as("pair")).select("pair.*");
  }

  static Dataset<Row> decayedPairWeights(Dataset<Row> pairs, long now, long halfLifeMs) {
    return pairs.groupBy(col(ARTICLE_ID), col(NEIGHBOUR_ID))
        .agg(sum(decay(col("pairTime"), now, halfLifeMs)).as("pairWeight"));
  }

  static Dataset<Row> decayedArticleWeights(Dataset<Row> visits, long now, long halfLifeMs) {
    return visits.groupBy(col(ARTICLE_ID))
        .agg(sum(decay(col(TIMESTAMP), now, halfLifeMs)).as("articleWeight"));
  }

  static Dataset<Row> normalised(Dataset<Row> pairWeights, Dataset<Row> articleWeights) {
    Dataset<Row> left = articleWeights.withColumnRenamed("articleWeight", "wa");
    Dataset<Row> right = articleWeights.select(col(ARTICLE_ID).as(NEIGHBOUR_ID), col("articleWeight").as("wb"));
    return pairWeights.join(left, ARTICLE_ID).join(right, NEIGHBOUR_ID)
        .select(col(ARTICLE_ID), col(NEIGHBOUR_ID),
            col("pairWeight").divide(sqrt(col("wa").multiply(col("wb")))).as(SCORE));
  }

  /**
   * {@code 2^(-age/halfLife)}; events after the reference time (clock skew) count as new rather
   * than more than new.
   */
  public static Column decay(Column timestamp, long now, long halfLifeMs) {
    Column age = greatest(lit(0L), lit(now).minus(timestamp));
    return exp(age.multiply(-Math.log(2) / halfLifeMs));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Columns.require(schema, "co-visitation", SESSION_ID, ARTICLE_ID, TIMESTAMP);
    return CoVisitationModel.outputSchema(schema);
  }

  @Override
  public CoVisitation copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
