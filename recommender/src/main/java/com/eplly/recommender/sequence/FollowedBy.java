package com.eplly.recommender.sequence;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.eplly.recommender.covisit.CoVisitation;
import com.eplly.recommender.covisit.CoVisitationModel;
import java.util.Arrays;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * Sequential "followed-by" transitions: what readers open next after an article.
 *
 * <p>Input: page views with {@code sessionId}, {@code articleId}, {@code timestamp}. Unlike
 * {@link CoVisitation} the order matters and re-reads count: every view is followed by the next
 * {@code window} views of its session, the pair weighing {@code 1/gap} (gap = positions apart) times
 * {@code 2^(-age/halfLife)} of the later view at {@code referenceTime}; a re-read of the same
 * article is a transition to itself, which is how product and news sessions go back to an item.
 * The score of {@code a → b} is the decayed probability that {@code b} comes next, with the re-read
 * smoothed towards the data's overall re-read rate {@code r} by {@code reReadPrior} pseudo-views:
 * {@code (w(a,b) + prior·r·[a = b]) / (out(a) + prior)}. Rarely seen articles thus still get a
 * self-transition (sessions keep going back to what they looked at) instead of none.
 */
public final class FollowedBy extends Estimator<FollowedByModel> {

  private final String uid;
  private final IntParam window;
  private final LongParam halfLifeMs;
  private final LongParam referenceTime;
  private final DoubleParam reReadPrior;

  public FollowedBy() {
    this(Identifiable.randomUID("followedBy"));
  }

  public FollowedBy(String uid) {
    this.uid = uid;
    this.window = new IntParam(this, "window", "later views of the session that follow a view", ParamValidators.gtEq(1));
    this.halfLifeMs = new LongParam(this, "halfLifeMs", "half-life of a transition's weight by age (ms)",
        ParamValidators.gt(0));
    this.referenceTime = new LongParam(this, "referenceTime", "the 'now' ages are measured from (epoch ms)");
    this.reReadPrior = new DoubleParam(this, "reReadPrior",
        "pseudo-views pulling each article's re-read probability towards the overall re-read rate", ParamValidators.gtEq(0));
    setDefault(window, 3);
    setDefault(reReadPrior, 5.0);
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

  public DoubleParam reReadPrior() {
    return reReadPrior;
  }

  public FollowedBy setReReadPrior(double value) {
    set(reReadPrior, value);
    return this;
  }

  public FollowedBy setWindow(int value) {
    set(window, value);
    return this;
  }

  public FollowedBy setHalfLifeMs(long value) {
    set(halfLifeMs, value);
    return this;
  }

  public FollowedBy setReferenceTime(long value) {
    set(referenceTime, value);
    return this;
  }

  @Override
  public FollowedByModel fit(Dataset<?> dataset) {
    requireColumns(dataset.schema());
    int w = (Integer) $(window);
    long halfLife = (Long) $(halfLifeMs);
    long now = (Long) $(referenceTime);
    double prior = (Double) $(reReadPrior);
    Dataset<Row> views = dataset.toDF();
    Dataset<Row> transitions = views
        .transform(v -> CoVisitation.followingViews(v, w))
        .transform(t -> decayedTransitionWeights(t, now, halfLife))
        .transform(t -> withEveryArticlesReRead(t, views))
        // Read twice (per-article totals and the overall re-read rate): cached, each session is
        // sorted and windowed once.
        .cache()
        .transform(t -> asNextProbability(t, prior));
    return copyValues(new FollowedByModel(uid, transitions), extractParamMap()).setParent(this);
  }

  static Dataset<Row> decayedTransitionWeights(Dataset<Row> transitions, long now, long halfLifeMs) {
    return transitions.groupBy(col("articleId"), col("neighbourId"))
        .agg(sum(CoVisitation.decay(col("pairTime"), now, halfLifeMs).divide(col("gap"))).as("weight"));
  }

  /** Adds a zero-weight re-read for every viewed article, so that the prior can give it one. */
  static Dataset<Row> withEveryArticlesReRead(Dataset<Row> weights, Dataset<Row> views) {
    Dataset<Row> reReads = views.select(col("articleId")).distinct()
        .select(col("articleId"), col("articleId").as("neighbourId"), lit(0.0).as("weight"));
    return weights.unionByName(reReads).groupBy(col("articleId"), col("neighbourId")).agg(sum(col("weight")).as("weight"));
  }

  static Dataset<Row> asNextProbability(Dataset<Row> weights, double prior) {
    Column reRead = col("articleId").equalTo(col("neighbourId"));
    // Guarded divisions: Spark 4 runs ANSI SQL, where x / 0 fails instead of giving null.
    Column total = sum(col("weight"));
    Dataset<Row> rate = weights.agg(when(total.gt(0), sum(when(reRead, col("weight")).otherwise(0.0)).divide(total))
        .otherwise(0.0).as("reReadRate"));
    Column denominator = col("outgoing").plus(prior);
    return weights.withColumn("outgoing", sum(col("weight")).over(Window.partitionBy(col("articleId"))))
        .crossJoin(rate)
        .where(denominator.gt(0))
        .select(col("articleId"), col("neighbourId"),
            col("weight").plus(when(reRead, col("reReadRate").multiply(prior)).otherwise(0.0))
                .divide(denominator).as("score"))
        .where(col("score").gt(lit(0.0)));
  }

  private static void requireColumns(StructType schema) {
    for (String required : new String[] {"sessionId", "articleId", "timestamp"}) {
      if (!Arrays.asList(schema.fieldNames()).contains(required)) {
        throw new IllegalArgumentException("followed-by input needs a column " + required + ", got "
            + Arrays.toString(schema.fieldNames()));
      }
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumns(schema);
    return CoVisitationModel.outputSchema(schema);
  }

  @Override
  public FollowedBy copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }
}
