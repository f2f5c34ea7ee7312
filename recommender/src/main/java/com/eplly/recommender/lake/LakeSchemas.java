package com.eplly.recommender.lake;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Spark schemas of the lake records, field for field the JSON that {@code EventCodec} writes for
 * {@code PageView} and {@code Article}. Reading with an explicit schema skips inference (a full
 * extra pass) and turns a mistyped field into a null we can count instead of a changed schema.
 */
public final class LakeSchemas {

  public static final StructType PAGE_VIEW = createStructType(List.of(
      createStructField("eventId", StringType, true),
      createStructField("readerId", StringType, true),
      createStructField("articleId", StringType, true),
      createStructField("sessionId", StringType, true),
      createStructField("timestamp", LongType, true),
      createStructField("referrerArticleId", StringType, true),
      createStructField("dwellMs", LongType, true)));

  public static final StructType ARTICLE = createStructType(List.of(
      createStructField("articleId", StringType, true),
      createStructField("title", StringType, true),
      createStructField("url", StringType, true),
      createStructField("category", StringType, true),
      createStructField("publishedAt", LongType, true),
      createStructField("summary", StringType, true),
      createStructField("tags", createArrayType(StringType, true), true),
      createStructField("expiresAt", LongType, true),
      createStructField("hidden", BooleanType, true)));

  private LakeSchemas() {}
}
