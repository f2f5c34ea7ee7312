package com.eplly.recommender.covisit;

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

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
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
public final class CoVisitation extends Estimator<CoVisitationModel> {

  private static final String LATER = "_later";

  private final String uid;
  private final IntParam window;
  private final LongParam halfLifeMs;
  private final LongParam referenceTime;

  public CoVisitation() {
    this(Identifiable.randomUID("coVisitation"));
  }

  public CoVisitation(String uid) {
    this.uid = uid;
    this.window = new IntParam(this, "window", "max positions apart in a session", ParamValidators.gtEq(1));
    this.halfLifeMs = new LongParam(this, "halfLifeMs", "half-life of a pair's weight by age (ms)", ParamValidators.gt(0));
    this.referenceTime = new LongParam(this, "referenceTime", "the 'now' ages are measured from (epoch ms)");
    setDefault(window, 3);
    setDefault(halfLifeMs, 7L * 24 * 3600 * 1000);
  }

  public IntParam window() {
    return window;
  }

  public LongParam halfLifeMs() {
    return halfLifeMs;
  }

  public LongParam referenceTime() {
    return referenceTime;
  }

  public CoVisitation setWindow(int value) {
    set(window, value);
    return this;
  }

  public CoVisitation setHalfLifeMs(long value) {
    set(halfLifeMs, value);
    return this;
  }

  public CoVisitation setReferenceTime(long value) {
    set(referenceTime, value);
    return this;
  }

  @Override
  public CoVisitationModel fit(Dataset<?> dataset) {
    int w = (Integer) $(window);
    long halfLife = (Long) $(halfLifeMs);
    long now = (Long) $(referenceTime);
    // Read twice (pairs and per-article weights); the model's lazy scores keep using it.
    Dataset<Row> visits = dataset.toDF().transform(CoVisitation::firstVisitPerSession).cache();
    Dataset<Row> pairs = visits
        .transform(v -> followingViews(v, w))
        .transform(CoVisitation::bothDirections)
        .transform(p -> decayedPairWeights(p, now, halfLife));
    Dataset<Row> articleWeights = visits.transform(v -> decayedArticleWeights(v, now, halfLife));
    Dataset<Row> scores = normalised(pairs, articleWeights);
    return copyValues(new CoVisitationModel(uid, scores), extractParamMap()).setParent(this);
  }

  /** A re-read of the same article in a session is not a new co-visit: keep the first view. */
  static Dataset<Row> firstVisitPerSession(Dataset<Row> views) {
    return views.groupBy(col("sessionId"), col("articleId")).agg(min(col("timestamp")).as("timestamp"));
  }

  /**
   * Each view with each of the (at most {@code window}) views after it in its session, in time
   * order (ties by article id): {@code articleId, neighbourId, gap, pairTime} with the later view's
   * time. {@code lead()} over one sort of the session rather than a self-join, whose cost grows
   * with the square of a session's length (MovieLens readers have hundreds of ratings).
   */
  public static Dataset<Row> followingViews(Dataset<Row> views, int window) {
    WindowSpec inSession = Window.partitionBy(col("sessionId")).orderBy(col("timestamp"), col("articleId"));
    Column later = struct(col("articleId").as("neighbourId"), col("timestamp").as("pairTime"));
    Column[] withLater = new Column[window + 1];
    withLater[0] = col("articleId");
    Column[] gaps = new Column[window];
    for (int gap = 1; gap <= window; gap++) {
      // Spark evaluates window functions only as plain columns, not inside the generator below;
      // all in one select, so that one Window operator buffers each session once, not once per gap.
      withLater[gap] = lead(later, gap).over(inSession).as(LATER + gap);
      gaps[gap - 1] = struct(lit(gap).as("gap"), col(LATER + gap).as("later"));
    }
    return views.select(withLater)
        .select(col("articleId"), explode(array(gaps)).as("next"))
        .where(col("next.later").isNotNull())
        .select(col("articleId"), col("next.later.neighbourId").as("neighbourId"), col("next.gap").as("gap"),
            col("next.later.pairTime").as("pairTime"));
  }

  /**
   * Co-visits have no direction: each pair counts for both of its articles. Both rows come from
   * one pass: a union of the two directions would sort and window every session twice.
   */
  static Dataset<Row> bothDirections(Dataset<Row> following) {
    Column forward = struct(col("articleId"), col("neighbourId"), col("pairTime"));
    Column backward = struct(col("neighbourId").as("articleId"), col("articleId").as("neighbourId"), col("pairTime"));
    return following.select(explode(array(forward, backward)).as("pair")).select("pair.*");
  }

  static Dataset<Row> decayedPairWeights(Dataset<Row> pairs, long now, long halfLifeMs) {
    return pairs.groupBy(col("articleId"), col("neighbourId"))
        .agg(sum(decay(col("pairTime"), now, halfLifeMs)).as("pairWeight"));
  }

  static Dataset<Row> decayedArticleWeights(Dataset<Row> visits, long now, long halfLifeMs) {
    return visits.groupBy(col("articleId"))
        .agg(sum(decay(col("timestamp"), now, halfLifeMs)).as("articleWeight"));
  }

  static Dataset<Row> normalised(Dataset<Row> pairWeights, Dataset<Row> articleWeights) {
    Dataset<Row> left = articleWeights.withColumnRenamed("articleWeight", "wa");
    Dataset<Row> right = articleWeights.select(col("articleId").as("neighbourId"), col("articleWeight").as("wb"));
    return pairWeights.join(left, "articleId").join(right, "neighbourId")
        .select(col("articleId"), col("neighbourId"),
            col("pairWeight").divide(sqrt(col("wa").multiply(col("wb")))).as("score"));
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
    for (String required : new String[] {"sessionId", "articleId", "timestamp"}) {
      if (!java.util.Arrays.asList(schema.fieldNames()).contains(required)) {
        throw new IllegalArgumentException("co-visitation input needs a column " + required);
      }
    }
    return CoVisitationModel.outputSchema(schema);
  }

  @Override
  public CoVisitation copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }
}
