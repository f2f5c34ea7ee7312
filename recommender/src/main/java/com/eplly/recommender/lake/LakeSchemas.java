package com.eplly.recommender.lake;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.ARTICLE_IDS;
import static com.eplly.recommender.lake.Columns.ERASED_AT;
import static com.eplly.recommender.lake.Columns.REQUESTED_BY;
import static com.eplly.recommender.lake.Columns.VERSION;
import static com.eplly.recommender.lake.Columns.REASON;
import static com.eplly.recommender.lake.Columns.ITEMS;
import static com.eplly.recommender.lake.Columns.DEGRADED;
import static com.eplly.recommender.lake.Columns.ARM;
import static com.eplly.recommender.lake.Columns.EXPERIMENT;
import static com.eplly.recommender.lake.Columns.KIND;
import static com.eplly.recommender.lake.Columns.POSITION;
import static com.eplly.recommender.lake.Columns.REQUEST_ID;
import static com.eplly.recommender.lake.Columns.CATEGORY;
import static com.eplly.recommender.lake.Columns.DWELL_MS;
import static com.eplly.recommender.lake.Columns.EVENT_ID;
import static com.eplly.recommender.lake.Columns.EXPIRES_AT;
import static com.eplly.recommender.lake.Columns.HIDDEN;
import static com.eplly.recommender.lake.Columns.PUBLISHED_AT;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.REFERRER_ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.SESSION_ID;
import static com.eplly.recommender.lake.Columns.SUMMARY;
import static com.eplly.recommender.lake.Columns.TAGS;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static com.eplly.recommender.lake.Columns.TITLE;
import static com.eplly.recommender.lake.Columns.URL;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * Spark schemas of the lake records, field for field the JSON that {@code EventCodec} writes for
 * {@code PageView}, {@code Article} and the {@code impressions} events. Reading with an explicit schema skips inference (a full
 * extra pass) and turns a mistyped field into a null we can count instead of a changed schema.
 */
public final class LakeSchemas {

  public static final StructType PAGE_VIEW = createStructType(List.of(
      createStructField(EVENT_ID, StringType, true),
      createStructField(READER_ID, StringType, true),
      createStructField(ARTICLE_ID, StringType, true),
      createStructField(SESSION_ID, StringType, true),
      createStructField(TIMESTAMP, LongType, true),
      createStructField(REFERRER_ARTICLE_ID, StringType, true),
      createStructField(DWELL_MS, LongType, true)));

  public static final StructType ARTICLE = createStructType(List.of(
      createStructField(ARTICLE_ID, StringType, true),
      createStructField(TITLE, StringType, true),
      createStructField(URL, StringType, true),
      createStructField(CATEGORY, StringType, true),
      createStructField(PUBLISHED_AT, LongType, true),
      createStructField(SUMMARY, StringType, true),
      createStructField(TAGS, createArrayType(StringType, true), true),
      createStructField(EXPIRES_AT, LongType, true),
      createStructField(HIDDEN, BooleanType, true)));

  /** The fields of a page view that attribute it as a click on a served block. */
  public static final StructType CLICK = createStructType(List.of(
      createStructField(EVENT_ID, StringType, true),
      createStructField(TIMESTAMP, LongType, true),
      createStructField(REQUEST_ID, StringType, true),
      createStructField(POSITION, IntegerType, true)));

  /** A served event's block: article, position, reason per item. */
  private static final ArrayType SERVED_ITEMS = createArrayType(createStructType(List.of(
      createStructField(ARTICLE_ID, StringType, true),
      createStructField(POSITION, IntegerType, true),
      createStructField(REASON, StringType, true))), true);

  /** Served events and viewable impressions, told apart by {@code kind}. */
  public static final StructType IMPRESSION = createStructType(List.of(
      createStructField(KIND, StringType, true),
      createStructField(REQUEST_ID, StringType, true),
      createStructField(TIMESTAMP, LongType, true),
      createStructField(READER_ID, StringType, true),
      createStructField(SESSION_ID, StringType, true),
      createStructField(EXPERIMENT, StringType, true),
      createStructField(ARM, StringType, true),
      createStructField(DEGRADED, BooleanType, true),
      createStructField(ITEMS, SERVED_ITEMS, true)));

  /**
   * Every field of a page view as {@code EventCodec} writes it: what {@code reco compact} keeps in
   * Parquet and {@code reco export} shows, so compaction loses no field any reader might want.
   */
  public static final StructType PAGE_VIEW_RECORD = PAGE_VIEW
      .add(createStructField(REQUEST_ID, StringType, true))
      .add(createStructField(POSITION, IntegerType, true));

  /** Every field of a served event or a viewable impression (the union of both kinds). */
  public static final StructType IMPRESSION_RECORD = createStructType(List.of(
      createStructField(KIND, StringType, true),
      createStructField(REQUEST_ID, StringType, true),
      createStructField(TIMESTAMP, LongType, true),
      createStructField(READER_ID, StringType, true),
      createStructField(SESSION_ID, StringType, true),
      createStructField(ARTICLE_ID, StringType, true),
      createStructField(VERSION, StringType, true),
      createStructField(EXPERIMENT, StringType, true),
      createStructField(ARM, StringType, true),
      createStructField(DEGRADED, BooleanType, true),
      createStructField(ITEMS, SERVED_ITEMS, true),
      createStructField(ARTICLE_IDS, createArrayType(StringType, true), true)));

  /** A line of the {@code erasures} dataset ({@code ReaderErasureJson}). */
  public static final StructType ERASURE = createStructType(List.of(
      createStructField(READER_ID, StringType, true),
      createStructField(ERASED_AT, LongType, true),
      createStructField(REQUESTED_BY, StringType, true)));

  private LakeSchemas() {}
}
