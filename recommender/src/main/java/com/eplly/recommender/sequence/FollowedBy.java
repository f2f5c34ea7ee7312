package com.eplly.recommender.sequence;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.NEIGHBOUR_ID;
import static com.eplly.recommender.lake.Columns.SCORE;
import static com.eplly.recommender.lake.Columns.SESSION_ID;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.eplly.recommender.covisit.CoVisitation;
import com.eplly.recommender.covisit.CoVisitationModel;
import com.eplly.recommender.lake.Columns;
import com.eplly.recommender.params.SessionPairEstimator;
import org.apache.spark.ml.param.DoubleParam;
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
public final class FollowedBy extends SessionPairEstimator<FollowedBy, FollowedByModel> {

  private final DoubleParam reReadPrior;

  public FollowedBy() {
    this(Identifiable.randomUID("followedBy"));
  }

  public FollowedBy(String uid) {
    super(uid, "a transition");
    this.reReadPrior = new DoubleParam(this, "reReadPrior",
        "pseudo-views pulling each article's re-read probability towards the overall re-read rate", ParamValidators.gtEq(0));
    setDefault(reReadPrior, 5.0);
  }

  public DoubleParam reReadPrior() {
    return reReadPrior;
  }

  public FollowedBy setReReadPrior(double value) {
    set(reReadPrior, value);
    return this;
  }

  @Override
  public FollowedByModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    int w = getWindow();
    long halfLife = getHalfLifeMs();
    long now = getReferenceTime();
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
    return copyValues(new FollowedByModel(uid(), transitions), extractParamMap()).setParent(this);
  }

  static Dataset<Row> decayedTransitionWeights(Dataset<Row> transitions, long now, long halfLifeMs) {
    return transitions.groupBy(col(ARTICLE_ID), col(NEIGHBOUR_ID))
        .agg(sum(CoVisitation.decay(col("pairTime"), now, halfLifeMs).divide(col("gap"))).as("weight"));
  }

  /** Adds a zero-weight re-read for every viewed article, so that the prior can give it one. */
  static Dataset<Row> withEveryArticlesReRead(Dataset<Row> weights, Dataset<Row> views) {
    Dataset<Row> reReads = views.select(col(ARTICLE_ID)).distinct()
        .select(col(ARTICLE_ID), col(ARTICLE_ID).as(NEIGHBOUR_ID), lit(0.0).as("weight"));
    return weights.unionByName(reReads).groupBy(col(ARTICLE_ID), col(NEIGHBOUR_ID)).agg(sum(col("weight")).as("weight"));
  }

  static Dataset<Row> asNextProbability(Dataset<Row> weights, double prior) {
    Column reRead = col(ARTICLE_ID).equalTo(col(NEIGHBOUR_ID));
    // Guarded divisions: Spark 4 runs ANSI SQL, where x / 0 fails instead of giving null.
    Column total = sum(col("weight"));
    Dataset<Row> rate = weights.agg(when(total.gt(0), sum(when(reRead, col("weight")).otherwise(0.0)).divide(total))
        .otherwise(0.0).as("reReadRate"));
    Column denominator = col("outgoing").plus(prior);
    return weights.withColumn("outgoing", sum(col("weight")).over(Window.partitionBy(col(ARTICLE_ID))))
        .crossJoin(rate)
        .where(denominator.gt(0))
        .select(col(ARTICLE_ID), col(NEIGHBOUR_ID),
            col("weight").plus(when(reRead, col("reReadRate").multiply(prior)).otherwise(0.0))
                .divide(denominator).as(SCORE))
        .where(col(SCORE).gt(lit(0.0)));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Columns.require(schema, "followed-by", SESSION_ID, ARTICLE_ID, TIMESTAMP);
    return CoVisitationModel.outputSchema(schema);
  }

  @Override
  public FollowedBy copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
