package com.eplly.recommender.datasets;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.CATEGORY;
import static com.eplly.recommender.lake.Columns.PUBLISHED_AT;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.SESSION_ID;
import static com.eplly.recommender.lake.Columns.SUMMARY;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static com.eplly.recommender.lake.Columns.TITLE;

import com.eplly.recommender.lake.LakeReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The portal's own lake as a dataset: its page views as {@link LakeReader} reads them for train
 * (valid ones, each event once) and the newest record of every catalog article, collected to the
 * driver where the evaluation's protocols run.
 */
public final class LakeLoader {

  private final SparkSession spark;

  public LakeLoader(SparkSession spark) {
    this.spark = spark;
  }

  public InteractionData load(String lake) {
    LakeReader reader = new LakeReader(spark, lake);
    return collect(lake, reader.pageViews(), reader.latestArticles());
  }

  /** Page views and catalog rows in the lake's schemas, collected as a dataset named "lake". */
  public static InteractionData collect(String source, Dataset<Row> pageViews, Dataset<Row> articles) {
    List<Interaction> views = new ArrayList<>();
    for (Row r : pageViews.select(READER_ID, SESSION_ID, ARTICLE_ID, TIMESTAMP).collectAsList()) {
      views.add(new Interaction(r.getString(0), r.getString(1), r.getString(2), r.getLong(3)));
    }
    List<CatalogItem> catalog = new ArrayList<>();
    for (Row r : articles.select(ARTICLE_ID, TITLE, SUMMARY, CATEGORY, PUBLISHED_AT).collectAsList()) {
      catalog.add(new CatalogItem(r.getString(0), orEmpty(r, 1), orEmpty(r, 2), orEmpty(r, 3),
          r.isNullAt(4) ? null : r.getLong(4)));
    }
    return new InteractionData("lake", source, views, catalog);
  }

  private static String orEmpty(Row r, int i) {
    return r.isNullAt(i) ? "" : r.getString(i);
  }
}
