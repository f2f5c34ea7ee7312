package com.eplly.recommender.popularity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Recency-weighted popularity: every view of an article counts {@code 2^(-age/halfLife)}, age
 * measured at {@code referenceTime}, so yesterday's hit fades behind today's. Input: page views
 * with {@code articleId} and {@code timestamp}.
 */
public final class RecencyPopularity extends Estimator<RecencyPopularityModel> {

  private final String uid;
  private final LongParam halfLifeMs;
  private final LongParam referenceTime;

  public RecencyPopularity() {
    this(Identifiable.randomUID("recencyPopularity"));
  }

  public RecencyPopularity(String uid) {
    this.uid = uid;
    this.halfLifeMs = new LongParam(this, "halfLifeMs", "half-life of a view's weight by age (ms)", ParamValidators.gt(0));
    this.referenceTime = new LongParam(this, "referenceTime", "the 'now' ages are measured from (epoch ms)");
    setDefault(halfLifeMs, 24L * 3600 * 1000);
  }

  public LongParam halfLifeMs() {
    return halfLifeMs;
  }

  public LongParam referenceTime() {
    return referenceTime;
  }

  public RecencyPopularity setHalfLifeMs(long value) {
    set(halfLifeMs, value);
    return this;
  }

  public RecencyPopularity setReferenceTime(long value) {
    set(referenceTime, value);
    return this;
  }

  @Override
  public RecencyPopularityModel fit(Dataset<?> dataset) {
    long now = (Long) $(referenceTime);
    long halfLife = (Long) $(halfLifeMs);
    Dataset<Row> scores = dataset.toDF().transform(v -> decayedViewCounts(v, now, halfLife));
    return copyValues(new RecencyPopularityModel(uid, scores), extractParamMap()).setParent(this);
  }

  static Dataset<Row> decayedViewCounts(Dataset<Row> views, long now, long halfLifeMs) {
    var age = greatest(lit(0L), lit(now).minus(col("timestamp")));
    return views.groupBy(col("articleId"))
        .agg(sum(exp(age.multiply(-Math.log(2) / halfLifeMs))).as("score"));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return RecencyPopularityModel.outputSchema(schema);
  }

  @Override
  public RecencyPopularity copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }
}
