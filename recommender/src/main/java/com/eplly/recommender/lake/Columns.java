package com.eplly.recommender.lake;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The column names the recommender's Datasets share: the lake records' fields (as
 * {@link LakeSchemas} reads them, spelt as {@code EventCodec} writes them) and the columns of the
 * score rows the candidate sources emit; plus the check every estimator's {@code transformSchema}
 * makes before a fit.
 */
public final class Columns {

  public static final String EVENT_ID = "eventId";
  public static final String READER_ID = "readerId";
  public static final String ARTICLE_ID = "articleId";
  public static final String SESSION_ID = "sessionId";
  public static final String TIMESTAMP = "timestamp";
  public static final String REFERRER_ARTICLE_ID = "referrerArticleId";
  public static final String DWELL_MS = "dwellMs";

  public static final String TITLE = "title";
  public static final String URL = "url";
  public static final String CATEGORY = "category";
  public static final String PUBLISHED_AT = "publishedAt";
  public static final String SUMMARY = "summary";
  public static final String TAGS = "tags";
  public static final String EXPIRES_AT = "expiresAt";
  public static final String HIDDEN = "hidden";

  // attribution: impressions and clicks
  public static final String REQUEST_ID = "requestId";
  public static final String POSITION = "position";
  public static final String KIND = "kind";
  public static final String EXPERIMENT = "experiment";
  public static final String ARM = "arm";
  public static final String DEGRADED = "degraded";
  public static final String ITEMS = "items";
  public static final String REASON = "reason";
  public static final String VERSION = "version";
  public static final String ARTICLE_IDS = "articleIds";

  // readers' erasures
  public static final String ERASED_AT = "erasedAt";
  public static final String REQUESTED_BY = "requestedBy";

  /** An item-to-item source's suggested article, next to the {@link #ARTICLE_ID} it is suggested for. */
  public static final String NEIGHBOUR_ID = "neighbourId";
  /** A source's score of a candidate; higher = better. */
  public static final String SCORE = "score";

  private Columns() {}

  /**
   * Fails, naming the first missing column and what the schema has, when {@code schema} lacks one
   * of {@code required}: an estimator's input check, made before any Spark job runs.
   *
   * @param reader what reads the columns, e.g. {@code co-visitation}
   */
  public static void require(StructType schema, String reader, String... required) {
    List<String> present = Arrays.asList(schema.fieldNames());
    for (String column : required) {
      if (!present.contains(column)) {
        throw new IllegalArgumentException(reader + " input needs a column " + column + ", got " + present);
      }
    }
  }
}
