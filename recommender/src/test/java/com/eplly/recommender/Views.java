package com.eplly.recommender;

import com.eplly.contracts.event.PageView;
import com.eplly.recommender.lake.LakeSchemas;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Page views as the Spark rows the estimators take, for tests that skip the lake. */
public final class Views {

  private Views() {}

  public static Dataset<Row> of(SparkSession spark, List<PageView> views) {
    List<Row> rows = views.stream().map(v -> RowFactory.create(v.eventId(), v.readerId(), v.articleId(),
        v.sessionId(), v.timestamp(), v.referrerArticleId(), v.dwellMs())).toList();
    return spark.createDataFrame(rows, LakeSchemas.PAGE_VIEW);
  }

  public static Dataset<Row> articleIds(SparkSession spark, List<String> ids) {
    return spark.createDataFrame(ids.stream().map(id -> RowFactory.create(id)).toList(),
        new org.apache.spark.sql.types.StructType().add("articleId", "string"));
  }
}
