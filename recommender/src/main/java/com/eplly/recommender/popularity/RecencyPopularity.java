package com.eplly.recommender.popularity;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.SCORE;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.eplly.recommender.lake.Columns;
import com.eplly.recommender.params.DecayedEventEstimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Recency-weighted popularity: every view of an article counts {@code 2^(-age/halfLife)}, age
 * measured at {@code referenceTime}, so yesterday's hit fades behind today's. Input: page views
 * with {@code articleId} and {@code timestamp}.
 */
public final class RecencyPopularity extends DecayedEventEstimator<RecencyPopularity, RecencyPopularityModel> {

  public RecencyPopularity() {
    this(Identifiable.randomUID("recencyPopularity"));
  }

  public RecencyPopularity(String uid) {
    super(uid, "a view", 24L * 3600 * 1000);
  }

  @Override
  public RecencyPopularityModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    long now = getReferenceTime();
    long halfLife = getHalfLifeMs();
    Dataset<Row> scores = dataset.toDF().transform(v -> decayedViewCounts(v, now, halfLife));
    return copyValues(new RecencyPopularityModel(uid(), scores), extractParamMap()).setParent(this);
  }

  static Dataset<Row> decayedViewCounts(Dataset<Row> views, long now, long halfLifeMs) {
    var age = greatest(lit(0L), lit(now).minus(col(TIMESTAMP)));
    return views.groupBy(col(ARTICLE_ID))
        .agg(sum(exp(age.multiply(-Math.log(2) / halfLifeMs))).as(SCORE));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Columns.require(schema, "popularity", ARTICLE_ID, TIMESTAMP);
    return RecencyPopularityModel.outputSchema(schema);
  }

  @Override
  public RecencyPopularity copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
