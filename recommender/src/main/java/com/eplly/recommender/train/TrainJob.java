package com.eplly.recommender.train;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import com.eplly.recommender.lake.LakeException;
import com.eplly.recommender.lake.LakeReader;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.model.ModelStoreException;
import com.eplly.recommender.model.StoredVersion;
import com.eplly.recommender.model.SuggestionLists;
import com.eplly.recommender.model.VersionId;
import com.eplly.recommender.hybrid.Source;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Trains one model version from the lake: reads page views and the catalog, fits every candidate
 * source ({@link SourceEstimators}), writes the hybrid article and reader lists
 * ({@link HybridLists}, weighted by {@link TrainParams#hybrid()}), the popular list and
 * {@code model.json} to {@code {models}/{version}/}.
 */
public final class TrainJob {

  public static final int STEPS = 7;

  /** What the candidate sources read of a page view. */
  private static final String[] SOURCE_COLUMNS = {"readerId", "articleId", "sessionId", "timestamp", "dwellMs"};

  private final SparkSession spark;
  private final ModelStore store;
  private final Clock clock;
  private final Progress progress;

  public TrainJob(SparkSession spark, ModelStore store, Clock clock, Progress progress) {
    this.spark = spark;
    this.store = store;
    this.clock = clock;
    this.progress = progress;
  }

  public TrainResult train(String lake, TrainParams params, Optional<String> requestedVersion) {
    long started = System.nanoTime();
    String version = requestedVersion.map(VersionId::checked).orElseGet(() -> VersionId.at(clock.instant()));
    if (store.exists(version)) {
      throw new ModelStoreException("version " + version + " already exists in " + store.root()
          + "; pick another --version or remove the folder");
    }
    HybridLists.requireSources(params.hybrid());
    StoredVersion stored = store.version(version);
    LakeReader reader = new LakeReader(spark, lake);
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, Long> input = new LinkedHashMap<>();
    Map<String, Long> output = new LinkedHashMap<>();

    progress.begin("reading page views from " + lake);
    // Only the columns the sources read are cached: the event id's work ends with the dedup.
    Dataset<Row> all = reader.pageViews().selectExpr(SOURCE_COLUMNS).cache();
    Row lakeStats = all.agg(max(col("timestamp")), count(lit(1))).head();
    if (lakeStats.isNullAt(0)) {
      throw new LakeException("the lake holds page-view files but no valid page views");
    }
    long referenceTime = params.asOf().map(Instant::toEpochMilli).orElse(lakeStats.getLong(0));
    Dataset<Row> inLookback = withinLookback(all, referenceTime, params);
    long events = inLookback.count();
    // The usual lake holds nothing older than the lookback: then the cached lake is the views.
    Dataset<Row> views = events == lakeStats.getLong(1) ? all : cachedInstead(inLookback, all);
    input.put("events", events);
    input.put("readers", distinctValues(views, "readerId"));
    input.put("articles", distinctValues(views, "articleId"));
    input.put("sessions", distinctValues(views, "sessionId"));
    if (input.get("events") == 0) {
      throw new LakeException("no page views within --lookback " + params.lookback() + " of " + Instant.ofEpochMilli(referenceTime));
    }
    seconds.put("read", progress.end(String.format("%,d events, %,d readers, %,d articles, %,d sessions; ages measured from %s",
        input.get("events"), input.get("readers"), input.get("articles"), input.get("sessions"),
        Instant.ofEpochMilli(referenceTime))));

    progress.begin("reading catalog");
    Dataset<Row> catalog = reader.latestArticles().cache();
    long catalogSize = catalog.count();
    Candidates candidates;
    if (catalogSize == 0) {
      candidates = Candidates.unrestricted();
      progress.note("warning: no catalog under " + reader.articlesFolder()
          + "; lists are not filtered for hidden or expired articles");
    } else {
      candidates = Candidates.of(LakeReader.servableAt(catalog, clock.millis()));
      candidates.servable().get().cache();
    }
    long servable = candidates.servable().map(Dataset::count).orElse(0L);
    input.put("catalogArticles", catalogSize);
    input.put("servableArticles", servable);
    seconds.put("catalog", progress.end(String.format("%,d articles, %,d servable", catalogSize, servable)));

    progress.begin("fitting " + Source.labels());
    // The same fit reco evaluate measures (SourceEstimators).
    FittedSources sources = SourceEstimators.fit(views,
        catalogSize == 0 ? Optional.empty() : Optional.of(newest(catalog, params.contentMaxArticles())), params, referenceTime);
    seconds.put("fit", progress.end(fitSummary(sources.fitSeconds())));
    HybridLists hybrid = new HybridLists(sources, params.hybrid(), params.k(), candidates, params.alsMaxItems());

    progress.begin("hybrid article lists (" + params.hybrid() + ")");
    output.put("articleLists", write(hybrid.articleLists(), stored.articleLists()));
    seconds.put("articleLists", progress.end(String.format("%,d article lists", output.get("articleLists"))));

    progress.begin("hybrid reader lists");
    output.put("readerLists", write(hybrid.readerLists(views), stored.readerLists()));
    seconds.put("readerLists", progress.end(String.format("%,d reader lists", output.get("readerLists"))));

    progress.begin("recency popularity (popular)");
    Dataset<Row> popular = sources.popularity()
        .topList(params.popularN(), candidates)
        .coalesce(1);
    write(popular, stored.popularList());
    long popularItems = spark.read().parquet(stored.popularList())
        .selectExpr("coalesce(sum(size(" + SuggestionLists.SUGGESTIONS + ")), 0)").head().getLong(0);
    output.put("popular", popularItems);
    seconds.put("popularity", progress.end(String.format("%,d popular articles", popularItems)));

    progress.begin("writing " + stored.metaFile());
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    ModelMeta meta = new ModelMeta(version, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), Instant.ofEpochMilli(referenceTime).toString(),
        input, output, params.asMap(), Math.round(trainSeconds * 10) / 10.0);
    store.writeMeta(meta);
    seconds.put("meta", progress.end("version " + version));
    views.unpersist();
    catalog.unpersist();
    return new TrainResult(meta, stored, seconds);
  }

  private static String fitSummary(Map<String, Double> fitSeconds) {
    StringBuilder b = new StringBuilder();
    fitSeconds.forEach((name, s) -> b.append(b.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %.1f s", name, s)));
    return b.toString();
  }

  /** Content similarity is for articles too new to have readers: the newest ones, ties by id. */
  private static Dataset<Row> newest(Dataset<Row> catalog, int n) {
    return catalog.orderBy(col("publishedAt").desc(), col("articleId").asc()).limit(n);
  }

  /**
   * Distinct values of one (never null) column: one small aggregation per column, each reading
   * only its column of the cache, rather than one countDistinct of several columns, which Spark
   * plans as every row expanded once per column and shuffled twice.
   */
  private static long distinctValues(Dataset<Row> views, String column) {
    return views.select(col(column)).distinct().count();
  }

  /** {@code views} cached in place of the lake they were filtered from. */
  private static Dataset<Row> cachedInstead(Dataset<Row> views, Dataset<Row> lake) {
    Dataset<Row> cached = views.cache();
    cached.count();
    lake.unpersist();
    return cached;
  }

  private static Dataset<Row> withinLookback(Dataset<Row> views, long referenceTime, TrainParams params) {
    Dataset<Row> upTo = views.where(col("timestamp").leq(referenceTime));
    return params.lookback().isZero()
        ? upTo
        : upTo.where(col("timestamp").gt(referenceTime - params.lookback().toMillis()));
  }

  private long write(Dataset<Row> lists, String path) {
    lists.write().mode(SaveMode.ErrorIfExists).parquet(path);
    return spark.read().parquet(path).count();
  }
}
