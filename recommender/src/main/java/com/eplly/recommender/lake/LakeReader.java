package com.eplly.recommender.lake;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.EVENT_ID;
import static com.eplly.recommender.lake.Columns.POSITION;
import static com.eplly.recommender.lake.Columns.REQUEST_ID;
import static com.eplly.recommender.lake.Columns.EXPIRES_AT;
import static com.eplly.recommender.lake.Columns.HIDDEN;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.SESSION_ID;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import com.eplly.contracts.lake.LakeLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Reads page views and the catalog from the event lake as Spark datasets. */
public final class LakeReader {

  private static final String FILE_NAME = "_file";
  private static final String FILE_LAST_OFFSET = "_fileLastOffset";
  private static final String LINE = "_line";
  private static final String LINE_NO = "_lineNo";

  private final SparkSession spark;
  private final LakeFiles files;
  private ErasedReaders erased;

  public LakeReader(SparkSession spark, String root) {
    this.spark = spark;
    this.files = new LakeFiles(root, spark.sparkContext().hadoopConfiguration());
  }

  /** The lake's erasures, listed once per reader: every event this class returns has them applied. */
  public ErasedReaders erasures() {
    if (erased == null) {
      erased = ErasedReaders.of(spark, files);
    }
    return erased;
  }

  /**
   * Every valid page view once: rows missing a required field are dropped, a replayed event
   * (same eventId in two files) counts once, and erased readers' views are left out ({@link ErasedReaders}).
   *
   * @throws LakeException when the lake holds no page-view files
   */
  public Dataset<Row> pageViews() {
    DatasetFiles found = files.dataset(LakeLayout.PAGE_VIEWS);
    if (found.isEmpty()) {
      throw new LakeException("no page-view files under " + files.datasetFolder(LakeLayout.PAGE_VIEWS)
          + " (expected " + LakeLayout.PAGE_VIEWS + "/date=YYYY-MM-DD/hour=HH/part-P-FIRST-LAST"
          + LakeLayout.FILE_SUFFIX + ")");
    }
    return events(found, LakeSchemas.PAGE_VIEW, LakeReader::withRequiredFields,
        tail -> tail.transform(LakeReader::withRequiredFields).transform(LakeReader::onePerEventId))
        .transform(erasures()::drop);
  }

  /**
   * The newest record of every article in the catalog, hidden and expired ones included; empty
   * when the lake has no catalog yet.
   */
  public Dataset<Row> latestArticles() {
    List<LakeFile> found = files.list(LakeLayout.ARTICLES);
    if (found.isEmpty()) {
      return spark.createDataFrame(List.of(), LakeSchemas.ARTICLE);
    }
    return articleLines(found)
        .transform(LakeReader::parsedArticles)
        .transform(LakeReader::newestPerArticle);
  }

  /** Served events and viewable impressions ({@link LakeSchemas#IMPRESSION}); empty when the lake has none. */
  public Dataset<Row> impressions() {
    // Impressions have no event id: the JSONL tail's duplicates are whole records repeated.
    return events(files.dataset(LakeLayout.IMPRESSIONS), LakeSchemas.IMPRESSION_RECORD, rows -> rows,
        rows -> rows.dropDuplicates())
        .where(col(REQUEST_ID).isNotNull())
        .transform(erasures()::drop)
        .select(columns(LakeSchemas.IMPRESSION));
  }

  /** Page views that are clicks on a served block: with a requestId and a position ({@link LakeSchemas#CLICK}). */
  public Dataset<Row> clicks() {
    UnaryOperator<Dataset<Row>> attributed = rows ->
        rows.where(col(REQUEST_ID).isNotNull().and(col(POSITION).isNotNull()).and(col(TIMESTAMP).isNotNull()));
    return events(files.dataset(LakeLayout.PAGE_VIEWS), LakeSchemas.CLICK.add(READER_ID, DataTypes.StringType, true),
        attributed, tail -> attributed.apply(tail).transform(LakeReader::onePerEventId))
        .transform(erasures()::drop)
        .select(columns(LakeSchemas.CLICK));
  }

  /**
   * Everything the lake holds of one reader, every field, erasures applied: page views
   * ({@link LakeSchemas#PAGE_VIEW_RECORD}, once per eventId) and impressions
   * ({@link LakeSchemas#IMPRESSION_RECORD}), each ordered by time. The reader filter is applied to
   * every file first, so compacted hours are searched by Parquet's readerId statistics.
   */
  public ReaderEvents readerEvents(String readerId) {
    UnaryOperator<Dataset<Row>> ofReader = rows -> rows.where(col(READER_ID).equalTo(readerId));
    Dataset<Row> views = events(files.dataset(LakeLayout.PAGE_VIEWS), LakeSchemas.PAGE_VIEW_RECORD, ofReader,
        rows -> rows, tail -> tail.where(col(EVENT_ID).isNotNull()).transform(LakeReader::onePerEventId))
        .transform(erasures()::drop)
        .orderBy(col(TIMESTAMP), col(EVENT_ID));
    Dataset<Row> impressions = events(files.dataset(LakeLayout.IMPRESSIONS), LakeSchemas.IMPRESSION_RECORD, ofReader,
        rows -> rows, rows -> rows.dropDuplicates())
        .transform(erasures()::drop)
        .orderBy(col(TIMESTAMP), col(REQUEST_ID), col(Columns.KIND));
    return new ReaderEvents(views, impressions);
  }

  /** One reader's page views and impressions (see {@link #readerEvents}). */
  public record ReaderEvents(Dataset<Row> pageViews, Dataset<Row> impressions) {}

  /**
   * A dataset's events in {@code schema}: compacted hours from Parquet as they are (compaction
   * deduplicated them) through {@code compacted}, and the JSONL files together with the Parquet of
   * hours that also have JSONL events ({@link DatasetFiles}) through {@code tail}, which must
   * deduplicate. Empty when the dataset has no event.
   */
  private Dataset<Row> events(DatasetFiles found, StructType schema, UnaryOperator<Dataset<Row>> compacted,
      UnaryOperator<Dataset<Row>> tail) {
    return events(found, schema, rows -> rows, compacted, tail);
  }

  /** As above, with {@code first} applied to every file's rows before anything else (a filter Spark pushes down). */
  private Dataset<Row> events(DatasetFiles found, StructType schema, UnaryOperator<Dataset<Row>> first,
      UnaryOperator<Dataset<Row>> compacted, UnaryOperator<Dataset<Row>> tail) {
    List<Dataset<Row>> parts = new ArrayList<>();
    if (!found.cleanParquet().isEmpty()) {
      parts.add(compacted.apply(first.apply(parquet(found.cleanParquet(), schema))));
    }
    List<Dataset<Row>> tailParts = new ArrayList<>();
    if (!found.jsonlToRead().isEmpty()) {
      tailParts.add(first.apply(json(found.jsonlToRead(), schema)));
    }
    if (!found.mixedParquet().isEmpty()) {
      tailParts.add(first.apply(parquet(found.mixedParquet(), schema)));
    }
    if (!tailParts.isEmpty()) {
      parts.add(tail.apply(tailParts.stream().reduce(Dataset::unionByName).orElseThrow()));
    }
    return parts.stream().reduce(Dataset::unionByName).orElseGet(() -> spark.createDataFrame(List.of(), schema));
  }

  private Dataset<Row> json(List<String> paths, StructType schema) {
    return spark.read().schema(schema).option("mode", "PERMISSIVE").json(paths.toArray(String[]::new))
        .select(columns(schema));
  }

  private Dataset<Row> parquet(List<String> paths, StructType schema) {
    return spark.read().schema(schema).parquet(paths.toArray(String[]::new)).select(columns(schema));
  }

  /** Where the catalog is read from, for messages. */
  public String articlesFolder() {
    return files.datasetFolder(LakeLayout.ARTICLES).toString();
  }

  // --- steps ------------------------------------------------------------------------------------

  static Dataset<Row> withRequiredFields(Dataset<Row> views) {
    return views.where(col(EVENT_ID).isNotNull()
        .and(col(READER_ID).isNotNull())
        .and(col(ARTICLE_ID).isNotNull())
        .and(col(SESSION_ID).isNotNull())
        .and(col(TIMESTAMP).isNotNull()));
  }

  static Dataset<Row> onePerEventId(Dataset<Row> views) {
    return views.dropDuplicates(EVENT_ID);
  }

  /**
   * One row per catalog line with the offset range of its file and its line number: whole files
   * are read as one value each because line order inside a file is offset order, which a
   * split-up line reader does not preserve.
   */
  private Dataset<Row> articleLines(List<LakeFile> found) {
    List<Row> offsets = new ArrayList<>();
    for (LakeFile f : found) {
      offsets.add(RowFactory.create(f.name(), f.offsets().last()));
    }
    StructType offsetSchema = new StructType()
        .add(FILE_NAME, DataTypes.StringType)
        .add(FILE_LAST_OFFSET, DataTypes.LongType);
    Dataset<Row> fileOffsets = spark.createDataFrame(offsets, offsetSchema);
    return spark.read()
        .option("wholetext", true)
        .text(paths(found))
        .select(col("_metadata.file_name").as(FILE_NAME), posexplode(split(col("value"), "\n")).as(new String[] {LINE_NO, LINE}))
        .where(trim(col(LINE)).notEqual(""))
        .join(fileOffsets, FILE_NAME);
  }

  static Dataset<Row> parsedArticles(Dataset<Row> lines) {
    return lines
        .select(col(FILE_LAST_OFFSET), col(LINE_NO), from_json(col(LINE), LakeSchemas.ARTICLE).as("a"))
        .where(col("a.articleId").isNotNull().and(col("a.publishedAt").isNotNull()))
        .select(col(FILE_LAST_OFFSET), col(LINE_NO), col("a.*"));
  }

  /**
   * Keeps the newest record per article. An article id always lands in the same Kafka partition,
   * so among its records the one in the file with the highest offsets, and within that file the
   * last line, is the newest.
   */
  static Dataset<Row> newestPerArticle(Dataset<Row> articles) {
    var newestFirst = Window.partitionBy(col(ARTICLE_ID))
        .orderBy(col(FILE_LAST_OFFSET).desc(), col(LINE_NO).desc());
    return articles
        .withColumn("_recency", row_number().over(newestFirst))
        .where(col("_recency").equalTo(1))
        .select(columns(LakeSchemas.ARTICLE));
  }

  /** Articles that may be suggested at {@code nowMs}: not hidden, not expired. */
  public static Dataset<Row> servableAt(Dataset<Row> articles, long nowMs) {
    return articles.where(coalesce(col(HIDDEN), lit(false)).equalTo(false)
        .and(col(EXPIRES_AT).isNull().or(col(EXPIRES_AT).gt(nowMs))));
  }

  private static String[] paths(List<LakeFile> found) {
    return found.stream().map(LakeFile::path).toArray(String[]::new);
  }

  private static Column[] columns(StructType schema) {
    return Arrays.stream(schema.fieldNames()).map(n -> col(n)).toArray(Column[]::new);
  }
}
