package com.eplly.recommender.evaluate;

import static com.eplly.recommender.hybrid.Source.ALS;
import static com.eplly.recommender.hybrid.Source.CONTENT;
import static com.eplly.recommender.hybrid.Source.CO_VISITATION;
import static com.eplly.recommender.hybrid.Source.EASE;
import static com.eplly.recommender.hybrid.Source.FOLLOWED_BY;
import static com.eplly.recommender.hybrid.Source.POPULARITY;

import com.eplly.contracts.serving.ServingDefaults;
import com.eplly.recommender.datasets.CatalogItem;
import com.eplly.recommender.datasets.DatasetFrames;
import com.eplly.recommender.datasets.Interaction;
import com.eplly.recommender.datasets.InteractionData;
import com.eplly.recommender.hybrid.BlendRule;
import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.hybrid.Source;
import com.eplly.recommender.model.StoredLists;
import com.eplly.recommender.train.HybridLists;
import com.eplly.recommender.train.Progress;
import com.eplly.recommender.train.SourceEstimators;
import com.eplly.recommender.train.TrainParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one evaluation: split by the protocol, carve a validation split from the training part,
 * choose ALS and EASE hyper-parameters and the hybrid's weights on it, refit every source on the
 * whole training part with {@link SourceEstimators} (the estimators {@code reco train} fits), and
 * score every model on the test queries.
 */
public final class Evaluation {

  public static final int STEPS = 6;
  /** Steps of {@link #validate}. */
  public static final int VALIDATION_STEPS = 4;
  /**
   * Sources fit at once on the driver: on two local cores three overlap each other's per-job
   * fixed cost; more only queue for the same task slots.
   */
  static final int DRIVER_THREADS = 3;
  static final int LIST_LENGTH = 20;
  /** The sources' order in the report (random first, the hybrid last). */
  private static final List<Source> REPORT_ORDER = List.of(POPULARITY, CO_VISITATION, FOLLOWED_BY, ALS, EASE, CONTENT);
  private static final String RANDOM = "random";
  private static final String HYBRID = "hybrid";
  /** The model the api serves: published lists, merged as the api merges them. */
  public static final String SERVED = "served";
  /**
   * The served model with the api's session-page rule ({@code eplly.recommend.session-blend},
   * {@link com.eplly.contracts.serving.SessionBlend}) turned the other way than its default.
   */
  public static final String SERVED_OTHER_SESSION_RULE = ServingDefaults.sessionBlend()
      ? "served-no-blend" : "served-blend";

  private final SparkSession spark;
  private final Progress progress;

  public Evaluation(SparkSession spark, Progress progress) {
    this.spark = spark;
    this.progress = progress;
  }

  public EvaluationResult run(InteractionData data, EvalPlan plan, long seed) {
    long started = System.nanoTime();
    Splits splits = split(data, plan.protocol(), seed);
    Map<String, Object> tuning = new LinkedHashMap<>();
    Map<Source, Fitted> fitted;
    HybridWeights hybrid;
    try (DriverThreads threads = new DriverThreads(DRIVER_THREADS, "evaluate")) {
      Future<Timed<Optional<Dataset<Row>>>> content = contentFit(threads, data, plan.params());
      Tuned tuned = tune(threads, plan, splits.validation(), tuning);
      Timed<Optional<Dataset<Row>>> contentScores = DriverThreads.await(content);
      hybrid = fitHybridWeights(plan.protocol(), splits.validation(), tuned,
          validationFits(tuned, contentScores, splits.validation()), tuning);
      tuned.views().unpersist();
      fitted = fitOnTraining(threads, tuned.params().withHybrid(hybrid), splits.test(), contentScores, !plan.alsGrid().isEmpty());
    }
    ProtocolSplit test = splits.test();
    int asked = test.queries().size() + test.variants().values().stream().mapToInt(List::size).sum();
    progress.begin("scoring " + asked + " test queries");
    TestMetrics metrics = TestMetrics.of(test, plan.protocol().k(), data.catalog(), newest(test.train()));
    Map<Source, String> notes = new EnumMap<>(Source.class);
    if (data.catalog().isEmpty()) {
      notes.put(CONTENT, "no catalog in this dataset: content scores are all 0 (ranks by item id)");
    }
    if (plan.alsGrid().isEmpty()) {
      notes.put(ALS, EvalPlan.NO_ALS);
    }
    Models models = new Models(fitted, hybrid, notes, seed);
    Served served = served(fitted, hybrid, plan.params(), test, data);
    List<ModelResult> results = new ArrayList<>(models.results(test.queries(), models.testRankings(), metrics));
    results.addAll(SessionBaselines.results(plan.protocol(), test, LIST_LENGTH,
        (name, lists, seconds, note) -> metrics.result(name, test.queries(), lists, seconds, note)));
    results.addAll(served.results(test.queries(), metrics));
    Map<String, List<ModelResult>> variants = variants(models, served, test, metrics);
    if (plan.sampledNegatives() > 0) {
      List<Query> sampled = withSampledNegatives(test, plan.sampledNegatives(), seed);
      variants.put("CHAMELEON: target + " + plan.sampledNegatives() + " negatives sampled from recently clicked articles",
          models.results(sampled, models.rankings(sampled, test.items().size()), metrics));
    }
    progress.end("done");
    return new EvaluationResult(data.name(), data.source(), plan.protocol().name(), plan.protocol().k(), seed,
        test.stats(), tuning, results, variants, (System.nanoTime() - started) / 1e9);
  }

  /**
   * What a training learns about itself before it fits: the protocol's split of {@code data} is
   * the validation split (its training part is everything before the validation window), on which
   * ALS and EASE are tuned and, unless {@code weights} are given, the hybrid's weights fit; every
   * model (each source, the hybrid, the served path) is then scored on the window's queries.
   */
  public Validation validate(InteractionData data, EvalPlan plan, long seed, Optional<HybridWeights> weights,
      Optional<ActiveComparison> active) {
    long started = System.nanoTime();
    progress.begin("carving the validation window: " + plan.protocol().name());
    ProtocolSplit validation = plan.protocol().split(data.interactions(), seed);
    progress.end("validation: " + validation.stats());
    Map<String, Object> tuning = new LinkedHashMap<>();
    Tuned tuned;
    Map<Source, Fitted> fits;
    HybridWeights hybrid;
    try (DriverThreads threads = new DriverThreads(DRIVER_THREADS, "validate")) {
      Future<Timed<Optional<Dataset<Row>>>> content = contentFit(threads, data, plan.params());
      tuned = tune(threads, plan, validation, tuning);
      fits = validationFits(tuned, DriverThreads.await(content), validation);
      if (weights.isPresent()) {
        hybrid = weights.get();
        tuning.put("hybridWeights", hybrid.weights());
        tuning.put("params", tuned.params().withHybrid(hybrid).asMap());
        progress.begin("hybrid weights given: " + hybrid);
        progress.end("not fit");
      } else {
        hybrid = fitHybridWeights(plan.protocol(), validation, tuned, fits, tuning);
      }
      tuned.views().unpersist();
    }
    progress.begin("scoring the validation queries");
    TestMetrics metrics = TestMetrics.of(validation, plan.protocol().k(), data.catalog(), newest(validation.train()));
    Map<Source, Fitted> inReportOrder = new LinkedHashMap<>();
    REPORT_ORDER.forEach(source -> inReportOrder.put(source, fits.get(source)));
    Models models = new Models(inReportOrder, hybrid, Map.of(), seed);
    Served served = served(inReportOrder, hybrid, tuned.params(), validation, data);
    List<ModelResult> results = withServed(models, served, validation.queries(), models.testRankings(), metrics);
    Map<String, List<ModelResult>> variants = variants(models, served, validation, metrics);
    Map<String, Object> comparison = active.map(a -> compare(a, inReportOrder, hybrid, tuned.params(), data))
        .orElse(Map.of());
    progress.end("done");
    EvaluationResult result = new EvaluationResult(data.name(), data.source(), plan.protocol().name(),
        plan.protocol().k(), seed, validation.stats(), tuning, results, variants, (System.nanoTime() - started) / 1e9);
    return new Validation(result, tuned.params().withHybrid(hybrid), comparison);
  }

  /**
   * A validation's figures, the parameters it chose, and its served path next to the active
   * version's on the queries neither was trained on (empty without an active version).
   */
  public record Validation(EvaluationResult result, TrainParams params, Map<String, Object> comparison) {}

  /**
   * The active version's stored lists and the queries to replay them on: the validation window's
   * page views after the active version's reference time too (the same cut-off and training part).
   */
  public record ActiveComparison(StoredLists lists, ProtocolSplit split) {}

  /** Both served paths, the candidate's from the validation fits, on the comparison's queries. */
  private Map<String, Object> compare(ActiveComparison active, Map<Source, Fitted> fits, HybridWeights hybrid,
      TrainParams params, InteractionData data) {
    ProtocolSplit split = active.split();
    int k = EvalPlan.WIDGET_K;
    long nowMs = newest(split.train());
    TestMetrics metrics = TestMetrics.of(split, k, data.catalog(), nowMs);
    Map<Source, QueryScorer> scorers = new EnumMap<>(Source.class);
    fits.forEach((source, fit) -> scorers.put(source, fit.scorer()));
    PublishedLists candidate = PublishedLists.build(scorers, hybrid, split.items(), params.k(), params.popularN(),
        params.alsMaxItems(), split.readers());
    List<int[]> candidateLists = ServedPath.of(candidate, split.items(), data.catalog(), nowMs).lists(split.queries(), LIST_LENGTH);
    List<int[]> activeLists = ServedPath.of(PublishedLists.of(active.lists(), split.items()), split.items(), data.catalog(), nowMs)
        .lists(split.queries(), LIST_LENGTH);
    progress.note("compared with the active version " + active.lists().version() + " on " + split.queries().size()
        + " queries after both cut-offs");
    return ValidationDocument.comparison(active.lists().version(), active.lists().referenceTime(), split.queries().size(),
        metrics.result(SERVED, split.queries(), candidateLists, 0, ""), metrics.result(SERVED, split.queries(), activeLists, 0, ""));
  }

  /** Every source fit on the validation split: the tuned ones and content's shared fit. */
  private static Map<Source, Fitted> validationFits(Tuned tuned, Timed<Optional<Dataset<Row>>> contentScores,
      ProtocolSplit validation) {
    Map<Source, Fitted> out = new EnumMap<>(Source.class);
    tuned.fits().forEach((source, fit) -> out.put(source, DriverThreads.await(fit)));
    out.put(CONTENT, new Fitted(contentScorer(contentScores.value(), validation.items()), contentScores.seconds())
        .rankedOn(validation));
    return out;
  }

  /** The test split and the validation split carved from its training part. */
  private record Splits(ProtocolSplit test, ProtocolSplit validation) {}

  private Splits split(InteractionData data, Protocol protocol, long seed) {
    progress.begin("splitting " + data.interactions().size() + " interactions: " + protocol.name());
    ProtocolSplit test = protocol.split(data.interactions(), seed);
    ProtocolSplit validation = protocol.forValidation().split(test.train(), seed + 1);
    if (test.queries().isEmpty() || validation.queries().isEmpty()) {
      throw new IllegalArgumentException("the " + data.name() + " data leaves no test or validation queries under "
          + protocol.name() + " (test " + test.stats() + ", validation " + validation.stats() + ")");
    }
    progress.end(String.format(Locale.ROOT, "test: %s; validation: %d queries", test.stats(), validation.queries().size()));
    return new Splits(test, validation);
  }

  /**
   * The tuned parameters, every source but content ranked on the validation split (the best ALS
   * and EASE, the others still fitting), and the cached views they are fit on.
   */
  private record Tuned(TrainParams params, Map<Source, Future<Fitted>> fits, Dataset<Row> views) {}

  /**
   * Fits the ALS grid and EASE's λs on the validation split, and meanwhile the sources without
   * hyper-parameters; keeps the best of each and leaves the trials in {@code tuning}.
   */
  private Tuned tune(DriverThreads threads, EvalPlan plan, ProtocolSplit validation, Map<String, Object> tuning) {
    progress.begin("tuning ALS and ease on the validation split");
    Dataset<Row> views = DatasetFrames.pageViews(spark, validation.train()).cache();
    Protocol protocol = plan.protocol();
    long ref = newest(validation.train());
    ItemIndex items = validation.items();
    TrainParams base = plan.params();
    List<Future<Trial>> alsTrials = new ArrayList<>();
    for (double[] g : plan.alsGrid()) {
      TrainParams trial = base.withAls((int) g[0], g[1], g[2]);
      alsTrials.add(threads.submit(() -> trial(protocol, validation,
          () -> FittedModelScorers.als(SourceEstimators.als(trial).fit(views), items))));
    }
    Map<Source, Future<Fitted>> fits = new EnumMap<>(Source.class);
    fits.put(CO_VISITATION, threads.submit(fitted(validation, () ->
        FittedModelScorers.coVisitation(SourceEstimators.coVisitation(base, ref).fit(views), items))));
    fits.put(FOLLOWED_BY, threads.submit(fitted(validation, () ->
        FittedModelScorers.followedBy(SourceEstimators.followedBy(base, ref).fit(views), items))));
    Future<List<Trial>> easeTrials = threads.submit(() -> SourceEstimators.ease(base)
        .fitEach(views, plan.easeLambdas()).stream()
        .map(m -> trial(protocol, validation, () -> FittedModelScorers.ease(m, items))).toList());
    fits.put(POPULARITY, threads.submit(fitted(validation, () ->
        FittedModelScorers.popularity(SourceEstimators.popularity(base, ref).fit(views), items))));

    tuning.put("objective", protocol instanceof NextClickSplit || protocol instanceof SessionFileSplit ? "HR@k + MRR@k" : "nDCG@k");
    // No ALS grid (anonymous sessions, see EvalPlan.NO_ALS): ALS ranks nothing and keeps the base parameters.
    Trial bestAls = plan.alsGrid().isEmpty() ? new Trial(-1,
        new Fitted(QueryScorers.constant(ALS.label(), new double[items.size()]), SourceRanking.empty(ALS.label(),
            validation.queries().size()), 0), 0)
        : bestAls(plan.alsGrid(), alsTrials, tuning);
    Trial bestEase = bestEase(plan.easeLambdas(), DriverThreads.await(easeTrials), tuning);
    fits.put(ALS, CompletableFuture.completedFuture(bestAls.fit()));
    fits.put(EASE, CompletableFuture.completedFuture(bestEase.fit()));
    double[] als = bestAls.index() < 0 ? new double[] {base.alsRank(), base.alsRegParam(), base.alsAlpha()}
        : plan.alsGrid().get(bestAls.index());
    TrainParams params = base.withAls((int) als[0], als[1], als[2])
        .withEaseLambda(plan.easeLambdas().get(bestEase.index()));
    progress.end(String.format(Locale.ROOT, "ALS rank %d reg %.2f alpha %.1f; ease lambda %.0f",
        params.alsRank(), params.alsRegParam(), params.alsAlpha(), params.easeLambda()));
    return new Tuned(params, fits, views);
  }

  /** The best ALS trial (the first of equals), every trial reported in {@code tuning}. */
  private Trial bestAls(List<double[]> grid, List<Future<Trial>> trials, Map<String, Object> tuning) {
    Trial best = null;
    List<Map<String, Object>> report = new ArrayList<>();
    for (int t = 0; t < trials.size(); t++) {
      double[] g = grid.get(t);
      Trial trial = DriverThreads.await(trials.get(t));
      report.add(Map.of("rank", (int) g[0], "regParam", g[1], "alpha", g[2], "objective", round(trial.objective())));
      progress.note(String.format(Locale.ROOT, "ALS rank %d reg %.2f alpha %.1f -> %.4f (%.1f s)", (int) g[0], g[1], g[2],
          trial.objective(), trial.seconds()));
      best = best == null || trial.objective() > best.objective() ? trial.at(t) : best;
    }
    tuning.put("als", report);
    return best;
  }

  /** The best EASE trial (the first of equals), every trial reported in {@code tuning}. */
  private Trial bestEase(List<Double> lambdas, List<Trial> trials, Map<String, Object> tuning) {
    Trial best = null;
    List<Map<String, Object>> report = new ArrayList<>();
    for (int i = 0; i < trials.size(); i++) {
      double l = lambdas.get(i);
      Trial trial = trials.get(i);
      report.add(Map.of("lambda", l, "objective", round(trial.objective())));
      progress.note(String.format(Locale.ROOT, "ease lambda %.0f -> %.4f", l, trial.objective()));
      best = best == null || trial.objective() > best.objective() ? trial.at(i) : best;
    }
    tuning.put(EASE.label(), report);
    return best;
  }

  /**
   * The hybrid's weights searched on the validation split, reported in {@code tuning} with the
   * parameters they complete.
   */
  private HybridWeights fitHybridWeights(Protocol protocol, ProtocolSplit validation, Tuned tuned,
      Map<Source, Fitted> fits, Map<String, Object> tuning) {
    progress.begin("fitting the hybrid's weights on the validation split");
    int k = protocol.k();
    ItemIndex items = validation.items();
    Map<Source, SourceRanking> rankings = new EnumMap<>(Source.class);
    fits.forEach((source, fit) -> rankings.put(source, fit.ranking()));
    PooledBlend blend = PooledBlend.prepare(inHybridOrder(rankings), validation.queries(), items.size());
    WeightSearch.Result fitted = WeightSearch.search(Source.values().length, w -> protocol.objective(
        Ranking.metrics(validation.queries(), blend.lists(w, k), k, items.size(), new double[items.size()], 1)));
    Map<String, Double> byName = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      byName.put(s.label(), fitted.weights()[s.ordinal()]);
    }
    HybridWeights searched = new HybridWeights(byName);
    HybridWeights hybrid = HybridLists.everyListFed(searched, tuned.params().hybrid());
    if (!hybrid.equals(searched)) {
      tuning.put("searchedWeights", byName);
      progress.note("weights " + searched + " leave a kind of list without a source; publishing " + hybrid);
    }
    tuning.put("hybridWeights", hybrid.weights());
    tuning.put("hybridValidationObjective", round(fitted.objective()));
    tuning.put("params", tuned.params().withHybrid(hybrid).asMap());
    progress.end("weights " + hybrid + " (validation objective " + String.format(Locale.ROOT, "%.4f", fitted.objective()) + ")");
    return hybrid;
  }

  /**
   * Every source fit on the training split and ranked on its test queries (the longest fits
   * submitted first), in report order; content's fit is the one shared with validation.
   */
  private Map<Source, Fitted> fitOnTraining(DriverThreads threads, TrainParams p, ProtocolSplit test,
      Timed<Optional<Dataset<Row>>> contentScores, boolean withAls) {
    progress.begin("fitting every source on the training split (" + test.train().size() + " interactions)");
    Dataset<Row> views = DatasetFrames.pageViews(spark, test.train()).cache();
    long ref = newest(test.train());
    ItemIndex items = test.items();
    Map<Source, Future<Fitted>> fits = new EnumMap<>(Source.class);
    fits.put(ALS, withAls ? threads.submit(fitted(test, () -> FittedModelScorers.als(SourceEstimators.als(p).fit(views), items)))
        : CompletableFuture.completedFuture(new Fitted(QueryScorers.constant(ALS.label(), new double[items.size()]), 0).rankedOn(test)));
    fits.put(CO_VISITATION, threads.submit(fitted(test, () ->
        FittedModelScorers.coVisitation(SourceEstimators.coVisitation(p, ref).fit(views), items))));
    fits.put(FOLLOWED_BY, threads.submit(fitted(test, () ->
        FittedModelScorers.followedBy(SourceEstimators.followedBy(p, ref).fit(views), items))));
    fits.put(EASE, threads.submit(fitted(test, () -> FittedModelScorers.ease(SourceEstimators.ease(p).fit(views), items))));
    fits.put(POPULARITY, threads.submit(fitted(test, () ->
        FittedModelScorers.popularity(SourceEstimators.popularity(p, ref).fit(views), items))));
    Map<Source, Fitted> out = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (Source source : REPORT_ORDER) {
      Fitted fit = source == CONTENT
          ? new Fitted(contentScorer(contentScores.value(), items), contentScores.value().isPresent() ? contentScores.seconds() : 0)
              .rankedOn(test)
          : DriverThreads.await(fits.get(source));
      out.put(source, fit);
      if (source != CONTENT || contentScores.value().isPresent()) {
        seconds.put(source.label(), fit.seconds());
      }
    }
    views.unpersist();
    progress.end(String.format(Locale.ROOT, "seconds per source, fit %d at a time: %s", DRIVER_THREADS, rounded(seconds)));
    return out;
  }

  /** The fitted sources as the report scores them: random first, each source, the hybrid last. */
  private record Models(Map<Source, Fitted> fitted, HybridWeights hybrid, Map<Source, String> notes, long seed) {

    /** Each source's ranking of the test queries it was fit for. */
    Map<Source, SourceRanking> testRankings() {
      Map<Source, SourceRanking> out = new EnumMap<>(Source.class);
      fitted.forEach((source, fit) -> out.put(source, fit.ranking()));
      return out;
    }

    /** Each source's ranking of other queries over the same items. */
    Map<Source, SourceRanking> rankings(List<Query> queries, int items) {
      Map<Source, SourceRanking> out = new EnumMap<>(Source.class);
      fitted.forEach((source, fit) -> out.put(source, SourceRanking.of(fit.scorer(), queries, items)));
      return out;
    }

    List<ModelResult> results(List<Query> queries, Map<Source, SourceRanking> rankings, TestMetrics metrics) {
      List<ModelResult> out = new ArrayList<>();
      SourceRanking random = SourceRanking.of(QueryScorers.random(seed), queries, metrics.items().size());
      out.add(metrics.result(RANDOM, queries, random.lists(LIST_LENGTH), 0, ""));
      for (Source source : REPORT_ORDER) {
        out.add(metrics.result(source.label(), queries, rankings.get(source).lists(LIST_LENGTH),
            fitted.get(source).seconds(), notes.getOrDefault(source, "")));
      }
      PooledBlend blend = PooledBlend.prepare(inHybridOrder(rankings), queries, metrics.items().size());
      double[] weights = Arrays.stream(Source.values()).mapToDouble(hybrid::of).toArray();
      double seconds = fitted.values().stream().mapToDouble(Fitted::seconds).sum();
      out.add(metrics.result(HYBRID, queries, blend.lists(weights, LIST_LENGTH), seconds, "weights " + hybrid));
      return out;
    }
  }

  /**
   * The api's answers from the lists train would publish with the hybrid's weights: what readers
   * get; where article pages have earlier session reads, also with the session-page rule turned
   * the other way, on the same published lists.
   */
  private record Served(ServedPath path, TrainParams params, double seconds) {

    List<ModelResult> results(List<Query> queries, TestMetrics metrics) {
      long start = System.nanoTime();
      List<int[]> lists = path.lists(queries, LIST_LENGTH);
      ModelResult served = metrics.result(SERVED, queries, lists, seconds + (System.nanoTime() - start) / 1e9,
          "what the api answers from the lists train publishes (k " + params.k() + "), merged by its rule"
              + (path.sessionBlend() ? ", session pages blended" : "") + "; no live state");
      if (queries.stream().noneMatch(q -> q.current() >= 0 && q.sessionReads() > 1)) {
        return List.of(served);
      }
      return List.of(served, metrics.result(SERVED_OTHER_SESSION_RULE, queries,
          path.otherSessionRule().lists(queries, LIST_LENGTH), seconds,
          "the api with eplly.recommend.session-blend=" + !path.sessionBlend()));
    }
  }

  private Served served(Map<Source, Fitted> fitted, HybridWeights hybrid, TrainParams params, ProtocolSplit test,
      InteractionData data) {
    long start = System.nanoTime();
    Map<Source, QueryScorer> scorers = new EnumMap<>(Source.class);
    fitted.forEach((source, fit) -> scorers.put(source, fit.scorer()));
    PublishedLists published = PublishedLists.build(scorers, hybrid, test.items(), params.k(), params.popularN(),
        params.alsMaxItems(), test.readers());
    double seconds = (System.nanoTime() - start) / 1e9;
    progress.note(String.format(Locale.ROOT, "served path: %d article and %d reader lists built in %.1f s",
        test.items().size(), test.readers().size(), seconds));
    return new Served(ServedPath.of(published, test.items(), data.catalog(), newest(test.train())), params, seconds);
  }

  /** Every model's figures on {@code queries}, the served path last. */
  private static List<ModelResult> withServed(Models models, Served served, List<Query> queries,
      Map<Source, SourceRanking> rankings, TestMetrics metrics) {
    List<ModelResult> out = new ArrayList<>(models.results(queries, rankings, metrics));
    out.addAll(served.results(queries, metrics));
    return out;
  }

  /** Every model's figures on each further query set of the split (the lake's anonymous sessions). */
  private static Map<String, List<ModelResult>> variants(Models models, Served served, ProtocolSplit split,
      TestMetrics metrics) {
    Map<String, List<ModelResult>> out = new LinkedHashMap<>();
    split.variants().forEach((name, queries) ->
        out.put(name, withServed(models, served, queries, models.rankings(queries, split.items().size()), metrics)));
    return out;
  }

  /**
   * What every model's test figures are measured against: the items, the cut-offs, who read what,
   * and which items were younger than a day when the answers were given (null: no publication times).
   */
  private record TestMetrics(ItemIndex items, int k, double[] share, int population, boolean[] fresh,
      double[] clickPopularity) {

    private static final long FRESH_MS = Duration.ofHours(24).toMillis();

    static TestMetrics of(ProtocolSplit test, int k, List<CatalogItem> catalog, long nowMs) {
      int population = (int) test.train().stream().map(Interaction::readerId).distinct().count();
      boolean[] fresh = null;
      if (catalog.stream().anyMatch(c -> c.publishedAt() != null)) {
        fresh = new boolean[test.items().size()];
        for (CatalogItem c : catalog) {
          int item = test.items().index(c.itemId());
          if (item >= 0 && c.publishedAt() != null) {
            fresh[item] = nowMs - c.publishedAt() < FRESH_MS;
          }
        }
      }
      int[] clicks = new int[test.items().size()];
      test.train().stream().mapToInt(i -> test.items().index(i.itemId())).filter(i -> i >= 0).forEach(i -> clicks[i]++);
      return new TestMetrics(test.items(), k, popularityShare(test.train(), test.items()), population, fresh,
          RankingMetrics.normalisedClicks(clicks));
    }

    ModelResult result(String name, List<Query> queries, List<int[]> lists, double seconds, String note) {
      Map<Integer, MetricSet> byK = new LinkedHashMap<>();
      for (int cut : new TreeSet<>(List.of(k, 10, 20))) {
        MetricSet m = Ranking.metrics(queries, lists, cut, items.size(), share, population, clickPopularity);
        byK.put(cut, fresh == null ? m : m.withFresh(RankingMetrics.freshShare(lists, cut, fresh)));
      }
      return new ModelResult(name, byK.get(k), byK, Ranking.hitCurve(queries, lists, LIST_LENGTH), seconds, note);
    }
  }

  /** One fitted candidate of a hyper-parameter search: its position, ranking, validation objective and seconds. */
  private record Trial(int index, Fitted fit, double objective) {

    Trial at(int position) {
      return new Trial(position, fit, objective);
    }

    double seconds() {
      return fit.seconds();
    }
  }

  private record Timed<T>(T value, double seconds) {}

  /** A source fit on the training split, ranked on its test queries; seconds of the fit alone. */
  private record Fitted(QueryScorer scorer, SourceRanking ranking, double seconds) {

    Fitted(QueryScorer scorer, double seconds) {
      this(scorer, null, seconds);
    }

    Fitted rankedOn(ProtocolSplit split) {
      return new Fitted(scorer, ranked(split, scorer), seconds);
    }
  }

  private static Callable<Fitted> fitted(ProtocolSplit split, Supplier<QueryScorer> fit) {
    return () -> fit(split, fit);
  }

  private static Fitted fit(ProtocolSplit split, Supplier<QueryScorer> fit) {
    long start = System.nanoTime();
    QueryScorer scorer = fit.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Fitted(scorer, seconds).rankedOn(split);
  }

  private static <T> Callable<Timed<T>> timed(Supplier<T> step) {
    return () -> {
      long start = System.nanoTime();
      T value = step.get();
      return new Timed<>(value, (System.nanoTime() - start) / 1e9);
    };
  }

  private static Trial trial(Protocol protocol, ProtocolSplit validation, Supplier<QueryScorer> fit) {
    Fitted fitted = fit(validation, fit);
    int k = protocol.k();
    int items = validation.items().size();
    double value = protocol.objective(Ranking.metrics(validation.queries(), fitted.ranking().lists(k), k, items,
        new double[items], 1));
    return new Trial(-1, fitted, value);
  }

  private static SourceRanking ranked(ProtocolSplit split, QueryScorer scorer) {
    return SourceRanking.of(scorer, split.queries(), split.items().size());
  }

  /**
   * Content similarity, submitted to run alongside the tuning: it reads only the catalog, which
   * every split shares, so it is fit once (empty without a catalog).
   */
  private Future<Timed<Optional<Dataset<Row>>>> contentFit(DriverThreads threads, InteractionData data,
      TrainParams params) {
    Optional<Dataset<Row>> catalog = data.catalog().isEmpty() ? Optional.empty()
        : Optional.of(DatasetFrames.articles(spark, data.catalog()));
    return threads.submit(timed(() -> catalog.map(c -> contentScores(c, params))));
  }

  /** Content neighbours as deep as the blend reads, materialised: both splits collect them. */
  private static Dataset<Row> contentScores(Dataset<Row> catalog, TrainParams params) {
    return SourceEstimators.content(params).fit(catalog).setTopK(BlendRule.DEPTH).neighbourScores().localCheckpoint();
  }

  private static QueryScorer contentScorer(Optional<Dataset<Row>> scores, ItemIndex items) {
    return scores.map(s -> FittedModelScorers.content(s, items))
        .orElse(QueryScorers.constant(CONTENT.label(), new double[items.size()]));
  }

  /** The rankings in the order of the hybrid's weight vector ({@link Source}'s declaration order). */
  private static List<SourceRanking> inHybridOrder(Map<Source, SourceRanking> rankings) {
    return Arrays.stream(Source.values()).map(rankings::get).toList();
  }

  /**
   * CHAMELEON's protocol: each query ranks its target among {@code n} negatives drawn (seeded)
   * from the most recently clicked training articles, excluding the target.
   */
  static List<Query> withSampledNegatives(ProtocolSplit split, int n, long seed) {
    Map<String, Long> lastClick = new HashMap<>();
    for (Interaction i : split.train()) {
      lastClick.merge(i.itemId(), i.timestamp(), Math::max);
    }
    int[] recent = lastClick.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(Math.max(4L * n, 100))
        .mapToInt(e -> split.items().index(e.getKey()))
        .toArray();
    SplittableRandom random = new SplittableRandom(seed * 7919 + 17);
    List<Query> out = new ArrayList<>();
    for (Query q : split.queries()) {
      int target = q.relevant().iterator().next();
      List<Integer> pool = new ArrayList<>();
      for (int r : recent) {
        if (r != target) {
          pool.add(r);
        }
      }
      Set<Integer> chosen = new HashSet<>();
      int[] candidates = new int[Math.min(n, pool.size()) + 1];
      candidates[0] = target;
      for (int c = 1; c < candidates.length; c++) {
        int pick;
        do {
          pick = pool.get(random.nextInt(pool.size()));
        } while (!chosen.add(pick));
        candidates[c] = pick;
      }
      out.add(new Query(q.readerId(), q.context(), q.contextWeights(), q.exclude(), q.relevant(), q.relevantTotal(),
          candidates, q.current(), q.sessionReads()));
    }
    return out;
  }

  private static double[] popularityShare(List<Interaction> train, ItemIndex items) {
    Map<Integer, Set<String>> readers = new HashMap<>();
    Set<String> all = new HashSet<>();
    for (Interaction i : train) {
      readers.computeIfAbsent(items.index(i.itemId()), x -> new HashSet<>()).add(i.readerId());
      all.add(i.readerId());
    }
    double[] share = new double[items.size()];
    readers.forEach((item, r) -> {
      if (item >= 0) {
        share[item] = r.size() / (double) all.size();
      }
    });
    return share;
  }

  private static long newest(List<Interaction> data) {
    return data.stream().mapToLong(Interaction::timestamp).max().orElse(0);
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  private static Map<String, Double> rounded(Map<String, Double> seconds) {
    Map<String, Double> out = new LinkedHashMap<>();
    seconds.forEach((k, v) -> out.put(k, Math.round(v * 10) / 10.0));
    return out;
  }
}
