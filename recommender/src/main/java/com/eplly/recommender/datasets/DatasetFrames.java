package com.eplly.recommender.datasets;

import com.eplly.recommender.lake.LakeSchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Turns dataset records into the lake's Spark shapes, so that the production estimators take
 * them unchanged. Frames are local-checkpointed: a frame built from driver rows otherwise carries
 * those rows inside the plan of every task of every job that reads it.
 */
public final class DatasetFrames {

  private DatasetFrames() {}

  /** Rows of {@link LakeSchemas#PAGE_VIEW}; no event ids, referrers or dwell times. */
  public static Dataset<Row> pageViews(SparkSession spark, List<Interaction> interactions) {
    List<Row> rows = new ArrayList<>(interactions.size());
    for (Interaction i : interactions) {
      rows.add(RowFactory.create(null, i.readerId(), i.itemId(), i.sessionId(), i.timestamp(), null, null));
    }
    return spark.createDataFrame(rows, LakeSchemas.PAGE_VIEW).localCheckpoint();
  }

  /** Rows of {@link LakeSchemas#ARTICLE}: the item's text becomes the summary. */
  public static Dataset<Row> articles(SparkSession spark, List<CatalogItem> catalog) {
    List<Row> rows = new ArrayList<>(catalog.size());
    for (CatalogItem c : catalog) {
      rows.add(RowFactory.create(c.itemId(), c.title(), null, c.category(), c.publishedAt() == null ? 0L : c.publishedAt(),
          c.text(), new String[0], null, false));
    }
    return spark.createDataFrame(rows, LakeSchemas.ARTICLE).localCheckpoint();
  }
}
