package com.eplly.recommender.train;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.DWELL_MS;
import static com.eplly.recommender.lake.Columns.PUBLISHED_AT;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.SESSION_ID;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import com.eplly.recommender.datasets.InteractionData;
import com.eplly.recommender.datasets.LakeLoader;
import com.eplly.recommender.evaluate.EvalPlan;
import com.eplly.recommender.evaluate.Evaluation;
import com.eplly.recommender.evaluate.MetricSet;
import com.eplly.recommender.evaluate.LakeReplay;
import com.eplly.recommender.evaluate.ModelResult;
import com.eplly.recommender.evaluate.ValidationDocument;
import com.eplly.recommender.evaluate.NotEnoughData;
import com.eplly.recommender.hybrid.Source;
import com.eplly.recommender.lake.LakeException;
import com.eplly.recommender.lake.LakeReader;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.model.ModelStoreException;
import com.eplly.recommender.model.StoredLists;
import com.eplly.recommender.model.StoredVersion;
import com.eplly.recommender.model.SuggestionLists;
import com.eplly.recommender.model.VersionId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
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
  /** The step self-tuning adds (it prints its own sub-steps within it). */
  public static final int TUNING_STEPS = 1;
  private static final long TUNING_SEED = 42;

  /** What the candidate sources read of a page view. */
  private static final String[] SOURCE_COLUMNS = {READER_ID, ARTICLE_ID, SESSION_ID, TIMESTAMP, DWELL_MS};

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
    return train(lake, params, requestedVersion, Optional.empty());
  }

  /**
   * Trains a version; with {@code tuning}, first tunes the parameters and weights on the newest
   * window of the page views ({@link Evaluation#validate}) and records the figures in model.json.
   */
  public TrainResult train(String lake, TrainParams given, Optional<String> requestedVersion,
      Optional<SelfTuning> tuning) {
    long started = System.nanoTime();
    StoredVersion stored = newVersion(requestedVersion);
    HybridLists.requireSources(given.hybrid());
    LakeReader reader = new LakeReader(spark, lake);
    Tally tally = new Tally(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    PageViews views = readPageViews(reader, lake, given, tally);
    Catalog catalog = readCatalog(reader, tally);
    Optional<Evaluation.Validation> validation = tuning.flatMap(t -> validate(lake, views, catalog, given, t, tally));
    TrainParams params = validation.map(Evaluation.Validation::params).orElse(given);
    FittedSources sources = fitSources(views, catalog, params, tally);
    HybridLists hybrid = new HybridLists(sources, params.hybrid(), params.k(), catalog.candidates(), params.alsMaxItems());
    writeArticleLists(hybrid, stored, params, tally);
    writeReaderLists(hybrid, views, stored, tally);
    writePopularList(sources, catalog, stored, params, tally);
    ModelMeta meta = writeMeta(stored, views, params, tally, (System.nanoTime() - started) / 1e9,
        validation.map(ValidationDocument::of).orElse(Map.of()));
    views.rows().unpersist();
    catalog.rows().unpersist();
    return new TrainResult(meta, stored, tally.seconds());
  }

  /** What a training records as it goes: seconds per step, input counts, lists written. */
  private record Tally(Map<String, Double> seconds, Map<String, Long> input, Map<String, Long> output) {}

  /** The page views a training fits on (cached) and the time their ages are measured from. */
  private record PageViews(Dataset<Row> rows, long referenceTime) {}

  /** The latest catalog (cached; empty when the lake has none) and what lists may suggest. */
  private record Catalog(Dataset<Row> rows, long size, Candidates candidates) {}

  private StoredVersion newVersion(Optional<String> requestedVersion) {
    String version = requestedVersion.map(VersionId::checked).orElseGet(() -> VersionId.at(clock.instant()));
    if (store.exists(version)) {
      throw new ModelStoreException("version " + version + " already exists in " + store.root()
          + "; pick another --version or remove the folder");
    }
    return store.version(version);
  }

  private PageViews readPageViews(LakeReader reader, String lake, TrainParams params, Tally tally) {
    progress.begin("reading page views from " + lake);
    // Only the columns the sources read are cached: the event id's work ends with the dedup.
    Dataset<Row> all = reader.pageViews().selectExpr(SOURCE_COLUMNS).cache();
    Row lakeStats = all.agg(max(col(TIMESTAMP)), count(lit(1))).head();
    if (lakeStats.isNullAt(0)) {
      throw new LakeException("the lake holds page-view files but no valid page views");
    }
    long referenceTime = params.asOf().map(Instant::toEpochMilli).orElse(lakeStats.getLong(0));
    Dataset<Row> inLookback = withinLookback(all, referenceTime, params);
    long events = inLookback.count();
    // The usual lake holds nothing older than the lookback: then the cached lake is the views.
    Dataset<Row> views = events == lakeStats.getLong(1) ? all : cachedInstead(inLookback, all);
    Map<String, Long> input = tally.input();
    input.put("events", events);
    input.put("readers", distinctValues(views, READER_ID));
    input.put("articles", distinctValues(views, ARTICLE_ID));
    input.put("sessions", distinctValues(views, SESSION_ID));
    if (events == 0) {
      throw new LakeException("no page views within --lookback " + params.lookback() + " of " + Instant.ofEpochMilli(referenceTime));
    }
    tally.seconds().put("read", progress.end(String.format("%,d events, %,d readers, %,d articles, %,d sessions; ages measured from %s",
        input.get("events"), input.get("readers"), input.get("articles"), input.get("sessions"),
        Instant.ofEpochMilli(referenceTime))));
    return new PageViews(views, referenceTime);
  }

  private Catalog readCatalog(LakeReader reader, Tally tally) {
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
    tally.input().put("catalogArticles", catalogSize);
    tally.input().put("servableArticles", servable);
    tally.seconds().put("catalog", progress.end(String.format("%,d articles, %,d servable", catalogSize, servable)));
    return new Catalog(catalog, catalogSize, candidates);
  }

  /**
   * Tunes on the views' newest window with evaluate's code ({@link Evaluation#validate}), fitting
   * on the lookback before it: EASE's λ (and ALS's grid when asked for) around the given
   * parameters, the hybrid's weights unless given.
   */
  private Optional<Evaluation.Validation> validate(String lake, PageViews views, Catalog catalog, TrainParams given,
      SelfTuning tuning, Tally tally) {
    progress.begin("tuning on the newest " + tuning.window().toHours() + " h of the page views");
    long firstKept = tuning.firstKept(views.rows().agg(max(col(TIMESTAMP))).head().getLong(0));
    Dataset<Row> recent = views.rows().where(col(TIMESTAMP).geq(firstKept));
    progress.note("collecting page views " + (tuning.lookback().isZero() ? "" : "since " + Instant.ofEpochMilli(firstKept)
        + " (--tune-lookback " + tuning.lookback().toHours() + " h before the window) ") + "and the catalog to the driver");
    InteractionData data = LakeLoader.collect(lake, recent, catalog.rows());
    progress.note(String.format(Locale.ROOT, "%,d of the %,d page views", data.interactions().size(),
        tally.input().get("events")));
    LakeReplay replay = new LakeReplay(tuning.window(), EvalPlan.WIDGET_K, tuning.maxQueries());
    EvalPlan plan = tuning.alsGrid() ? EvalPlan.forLake(given, replay) : EvalPlan.forLake(given, replay).withGivenAls();
    try {
      Optional<Evaluation.ActiveComparison> active = tuning.active().flatMap(a -> activeComparison(a, replay, data));
      Evaluation.Validation v = new Evaluation(spark, new Progress(progress.out(), Evaluation.VALIDATION_STEPS))
          .validate(data, plan, TUNING_SEED, tuning.weights(), active);
      tally.seconds().put("tuning", progress.end(validationSummary(v)));
      return Optional.of(v);
    } catch (NotEnoughData e) {
      // A young lake (a demo, a first day) cannot hold a window out: train with what was given.
      tally.seconds().put("tuning", progress.end("skipped, parameters as given: " + e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * The active version's lists and the window's page views after its reference time too; empty
   * (with a note) when its lists are not in this model store or no such page view is left.
   */
  private Optional<Evaluation.ActiveComparison> activeComparison(String active, LakeReplay replay, InteractionData data) {
    if (!store.exists(active)) {
      progress.note("the active version " + active + " is not in " + store.root() + ": not compared");
      return Optional.empty();
    }
    StoredLists lists = StoredLists.read(spark, store, active);
    long after = Math.max(replay.cutOff(data.interactions()), lists.referenceTime());
    try {
      return Optional.of(new Evaluation.ActiveComparison(lists, replay.askedAfter(after).split(data.interactions(), TUNING_SEED)));
    } catch (NotEnoughData e) {
      progress.note("the active version " + active + " was trained on the whole validation window: not compared ("
          + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  private static String validationSummary(Evaluation.Validation v) {
    StringBuilder b = new StringBuilder("chosen " + v.params().hybrid() + "; validation HR@10/MRR@10:");
    for (ModelResult m : v.result().models()) {
      MetricSet at10 = m.byK().get(10);
      b.append(String.format(Locale.ROOT, " %s %.3f/%.3f", m.name(), at10.hr(), at10.mrr()));
    }
    return b.toString();
  }

  /** The same fit {@code reco evaluate} measures ({@link SourceEstimators}). */
  private FittedSources fitSources(PageViews views, Catalog catalog, TrainParams params, Tally tally) {
    progress.begin("fitting " + Source.labels());
    FittedSources sources = SourceEstimators.fit(views.rows(),
        catalog.size() == 0 ? Optional.empty() : Optional.of(newest(catalog.rows(), params.contentMaxArticles())),
        params, views.referenceTime());
    tally.seconds().put("fit", progress.end(fitSummary(sources.fitSeconds())));
    return sources;
  }

  private void writeArticleLists(HybridLists hybrid, StoredVersion stored, TrainParams params, Tally tally) {
    progress.begin("hybrid article lists (" + params.hybrid() + ")");
    tally.output().put("articleLists", write(hybrid.articleLists(), stored.articleLists()));
    tally.seconds().put("articleLists", progress.end(String.format("%,d article lists", tally.output().get("articleLists"))));
  }

  private void writeReaderLists(HybridLists hybrid, PageViews views, StoredVersion stored, Tally tally) {
    progress.begin("hybrid reader lists");
    tally.output().put("readerLists", write(hybrid.readerLists(views.rows()), stored.readerLists()));
    tally.seconds().put("readerLists", progress.end(String.format("%,d reader lists", tally.output().get("readerLists"))));
  }

  private void writePopularList(FittedSources sources, Catalog catalog, StoredVersion stored, TrainParams params,
      Tally tally) {
    progress.begin("recency popularity (popular)");
    Dataset<Row> popular = sources.popularity()
        .topList(params.popularN(), catalog.candidates())
        .coalesce(1);
    write(popular, stored.popularList());
    long popularItems = spark.read().parquet(stored.popularList())
        .selectExpr("coalesce(sum(size(" + SuggestionLists.SUGGESTIONS + ")), 0)").head().getLong(0);
    tally.output().put("popular", popularItems);
    tally.seconds().put("popularity", progress.end(String.format("%,d popular articles", popularItems)));
  }

  /** Written last: a version without its meta is an unfinished training. */
  private ModelMeta writeMeta(StoredVersion stored, PageViews views, TrainParams params, Tally tally, double trainSeconds,
      Map<String, Object> validation) {
    progress.begin("writing " + stored.metaFile());
    ModelMeta meta = new ModelMeta(stored.version(), clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
        Instant.ofEpochMilli(views.referenceTime()).toString(), tally.input(), tally.output(), params.asMap(),
        Math.round(trainSeconds * 10) / 10.0, validation);
    store.writeMeta(meta);
    tally.seconds().put("meta", progress.end("version " + stored.version()));
    return meta;
  }

  private static String fitSummary(Map<String, Double> fitSeconds) {
    StringBuilder b = new StringBuilder();
    fitSeconds.forEach((name, s) -> b.append(b.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %.1f s", name, s)));
    return b.toString();
  }

  /** Content similarity is for articles too new to have readers: the newest ones, ties by id. */
  private static Dataset<Row> newest(Dataset<Row> catalog, int n) {
    return catalog.orderBy(col(PUBLISHED_AT).desc(), col(ARTICLE_ID).asc()).limit(n);
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
    Dataset<Row> upTo = views.where(col(TIMESTAMP).leq(referenceTime));
    return params.lookback().isZero()
        ? upTo
        : upTo.where(col(TIMESTAMP).gt(referenceTime - params.lookback().toMillis()));
  }

  private long write(Dataset<Row> lists, String path) {
    lists.write().mode(SaveMode.ErrorIfExists).parquet(path);
    return spark.read().parquet(path).count();
  }
}
