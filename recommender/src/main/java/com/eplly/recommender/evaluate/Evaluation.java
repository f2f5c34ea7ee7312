package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.DatasetFrames;
import com.eplly.recommender.datasets.Interaction;
import com.eplly.recommender.datasets.InteractionData;
import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.train.CandidateSources;
import com.eplly.recommender.train.Progress;
import com.eplly.recommender.train.TrainParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one evaluation: split by the protocol, carve a validation split from the training part,
 * choose ALS and item-item hyper-parameters and the hybrid's weights on it, refit every source on
 * the whole training part with {@link CandidateSources} (the step {@code reco train} uses), and
 * score every model on the test queries.
 */
public final class Evaluation {

  public static final int STEPS = 6;
  /**
   * Sources fit at once on the driver: on two local cores three overlap each other's per-job
   * fixed cost; more only queue for the same task slots.
   */
  static final int DRIVER_THREADS = 3;
  static final int LIST_LENGTH = 20;
  /** Source order of the hybrid's weight vector. */
  static final List<String> HYBRID_SOURCES = HybridWeights.SOURCES;

  private final SparkSession spark;
  private final Progress progress;

  public Evaluation(SparkSession spark, Progress progress) {
    this.spark = spark;
    this.progress = progress;
  }

  public EvaluationResult run(InteractionData data, EvalPlan plan, long seed) {
    long started = System.nanoTime();
    Protocol protocol = plan.protocol();

    progress.begin("splitting " + data.interactions().size() + " interactions: " + protocol.name());
    ProtocolSplit test = protocol.split(data.interactions(), seed);
    ProtocolSplit validation = protocol.forValidation().split(test.train(), seed + 1);
    if (test.queries().isEmpty() || validation.queries().isEmpty()) {
      throw new IllegalArgumentException("the " + data.name() + " data leaves no test or validation queries under "
          + protocol.name() + " (test " + test.stats() + ", validation " + validation.stats() + ")");
    }
    progress.end(String.format(Locale.ROOT, "test: %s; validation: %d queries", test.stats(), validation.queries().size()));

    Optional<Dataset<Row>> catalog = data.catalog().isEmpty() ? Optional.empty()
        : Optional.of(DatasetFrames.articles(spark, data.catalog()));
    int k = protocol.k();
    ItemIndex items = test.items();
    Map<String, Object> tuning = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, ScoreSource> sources = new LinkedHashMap<>();
    Map<String, RankedSource> ranked = new HashMap<>();
    HybridWeights hybrid;
    double[] weights;
    try (DriverThreads threads = new DriverThreads(DRIVER_THREADS, "evaluate")) {
      // Content similarity reads only the catalog, which validation and test share: fit once.
      Future<Timed<Optional<Dataset<Row>>>> content = threads.submit(timed(() -> catalog.map(c -> contentScores(c, plan.params()))));

      progress.begin("tuning ALS and item-item on the validation split");
      Dataset<Row> valViews = DatasetFrames.pageViews(spark, validation.train()).cache();
      Map<String, Future<RankedSource>> valSources = new HashMap<>();
      TrainParams params = tune(threads, plan, validation, valViews, valSources, tuning);
      progress.end(String.format(Locale.ROOT, "ALS rank %d reg %.2f alpha %.1f; item-item lambda %.0f",
          params.alsRank(), params.alsRegParam(), params.alsAlpha(), params.easeLambda()));

      progress.begin("fitting the hybrid's weights on the validation split");
      Timed<Optional<Dataset<Row>>> contentScores = DriverThreads.await(content);
      ItemIndex valItems = validation.items();
      Map<String, RankedSource> valRanked = new HashMap<>();
      valSources.forEach((name, source) -> valRanked.put(name, DriverThreads.await(source)));
      valRanked.put(HybridWeights.CONTENT, ranked(validation, contentSource(contentScores.value(), valItems)));
      Blend valBlend = Blend.prepare(inHybridOrder(valRanked), validation.queries(), valItems.size());
      WeightSearch.Result fitted = WeightSearch.search(HYBRID_SOURCES.size(), w -> protocol.objective(
          Ranking.metrics(validation.queries(), valBlend.lists(w, k), k, valItems.size(), new double[valItems.size()], 1)));
      weights = fitted.weights();
      Map<String, Double> byName = new LinkedHashMap<>();
      for (int s = 0; s < HYBRID_SOURCES.size(); s++) {
        byName.put(HYBRID_SOURCES.get(s), weights[s]);
      }
      hybrid = new HybridWeights(byName);
      params = params.withHybrid(hybrid);
      tuning.put("hybridWeights", byName);
      tuning.put("hybridValidationObjective", round(fitted.objective()));
      tuning.put("params", params.asMap());
      valViews.unpersist();
      progress.end("weights " + hybrid + " (validation objective " + String.format(Locale.ROOT, "%.4f", fitted.objective()) + ")");

      progress.begin("fitting every source on the training split (" + test.train().size() + " interactions)");
      Dataset<Row> views = DatasetFrames.pageViews(spark, test.train()).cache();
      fitOnTraining(threads, params, test, views).forEach((name, fit) -> {
        sources.put(name, fit.source());
        ranked.put(name, fit.ranked());
        seconds.put(name, fit.seconds());
      });
      sources.put("content", contentSource(contentScores.value(), items));
      ranked.put("content", ranked(test, sources.get("content")));
      contentScores.value().ifPresent(c -> seconds.put("content", contentScores.seconds()));
      views.unpersist();
      progress.end(String.format(Locale.ROOT, "seconds per source, fit %d at a time: %s", DRIVER_THREADS, rounded(seconds)));
    }

    progress.begin("scoring " + test.queries().size() + " test queries");
    double[] share = popularityShare(test.train(), items);
    int population = (int) test.train().stream().map(Interaction::readerId).distinct().count();
    List<ModelResult> results = new ArrayList<>();
    Map<String, String> notes = new HashMap<>();
    if (catalog.isEmpty()) {
      notes.put("content", "no catalog in this dataset: content scores are all 0 (ranks by item id)");
    }
    results.add(score(RankedSource.of(Sources.random(seed), test.queries(), items.size()), test.queries(), items, k,
        share, population, 0, ""));
    for (String name : sources.keySet()) {
      results.add(score(ranked.get(name), test.queries(), items, k, share, population,
          seconds.getOrDefault(name, 0.0), notes.getOrDefault(name, "")));
    }
    Blend blend = Blend.prepare(inHybridOrder(ranked), test.queries(), items.size());
    double hybridSeconds = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    results.add(result("hybrid", test.queries(), blend.lists(weights, LIST_LENGTH), items, k, share,
        population, hybridSeconds, "weights " + hybrid));
    Map<String, List<ModelResult>> variants = new LinkedHashMap<>();
    if (plan.sampledNegatives() > 0) {
      List<Query> sampled = withSampledNegatives(test, plan.sampledNegatives(), seed);
      List<ModelResult> variant = new ArrayList<>();
      variant.add(score(RankedSource.of(Sources.random(seed), sampled, items.size()), sampled, items, k, share,
          population, 0, ""));
      Map<String, RankedSource> rankedSampled = new HashMap<>();
      for (Map.Entry<String, ScoreSource> e : sources.entrySet()) {
        RankedSource r = RankedSource.of(e.getValue(), sampled, items.size());
        rankedSampled.put(e.getKey(), r);
        variant.add(score(r, sampled, items, k, share, population, seconds.getOrDefault(e.getKey(), 0.0),
            notes.getOrDefault(e.getKey(), "")));
      }
      variant.add(result("hybrid", sampled, Blend.prepare(inHybridOrder(rankedSampled), sampled, items.size())
          .lists(weights, LIST_LENGTH), items, k, share, population, hybridSeconds, "weights " + hybrid));
      variants.put("CHAMELEON: target + " + plan.sampledNegatives() + " negatives sampled from recently clicked articles",
          variant);
    }
    progress.end("done");
    return new EvaluationResult(data.name(), data.source(), protocol.name(), k, seed, test.stats(), tuning, results,
        variants, (System.nanoTime() - started) / 1e9);
  }

  /**
   * Fits the ALS grid and item-item's λs on the validation split, and meanwhile the sources without
   * hyper-parameters; returns the parameters with the best of each, leaves every source's ranking
   * (the best ALS and item-item) in {@code valSources} and the trials in {@code tuning}.
   */
  private TrainParams tune(DriverThreads threads, EvalPlan plan, ProtocolSplit validation, Dataset<Row> valViews,
      Map<String, Future<RankedSource>> valSources, Map<String, Object> tuning) {
    Protocol protocol = plan.protocol();
    long valRef = newest(validation.train());
    ItemIndex valItems = validation.items();
    TrainParams base = plan.params();
    List<Future<Trial>> alsTrials = new ArrayList<>();
    for (double[] g : plan.alsGrid()) {
      TrainParams trial = base.withAls((int) g[0], g[1], g[2]);
      alsTrials.add(threads.submit(() -> trial(protocol, validation,
          () -> SourceTables.als(CandidateSources.als(trial).fit(valViews), valItems))));
    }
    valSources.put(HybridWeights.CO_VISITATION, threads.submit(() -> ranked(validation,
        SourceTables.coVisitation(CandidateSources.coVisitation(base, valRef).fit(valViews), valItems))));
    valSources.put(HybridWeights.FOLLOWED_BY, threads.submit(() -> ranked(validation,
        SourceTables.followedBy(CandidateSources.followedBy(base, valRef).fit(valViews), valItems))));
    Future<List<Trial>> easeTrials = threads.submit(() -> CandidateSources.itemItem(base)
        .fitEach(valViews, plan.easeLambdas()).stream()
        .map(m -> trial(protocol, validation, () -> SourceTables.itemItem(m, valItems))).toList());
    valSources.put(HybridWeights.POPULARITY, threads.submit(() -> ranked(validation,
        SourceTables.popularity(CandidateSources.popularity(base, valRef).fit(valViews), valItems))));

    TrainParams params = base;
    Trial bestAls = null;
    List<Map<String, Object>> alsReport = new ArrayList<>();
    for (int t = 0; t < alsTrials.size(); t++) {
      double[] g = plan.alsGrid().get(t);
      Trial trial = DriverThreads.await(alsTrials.get(t));
      alsReport.add(Map.of("rank", (int) g[0], "regParam", g[1], "alpha", g[2], "objective", round(trial.objective())));
      progress.note(String.format(Locale.ROOT, "ALS rank %d reg %.2f alpha %.1f -> %.4f (%.1f s)", (int) g[0], g[1], g[2],
          trial.objective(), trial.seconds()));
      if (bestAls == null || trial.objective() > bestAls.objective()) {
        bestAls = trial;
        params = params.withAls((int) g[0], g[1], g[2]);
      }
    }
    Trial bestEase = null;
    double lambda = params.easeLambda();
    List<Map<String, Object>> easeReport = new ArrayList<>();
    List<Trial> ease = DriverThreads.await(easeTrials);
    for (int i = 0; i < ease.size(); i++) {
      double l = plan.easeLambdas().get(i);
      easeReport.add(Map.of("lambda", l, "objective", round(ease.get(i).objective())));
      progress.note(String.format(Locale.ROOT, "item-item lambda %.0f -> %.4f", l, ease.get(i).objective()));
      if (bestEase == null || ease.get(i).objective() > bestEase.objective()) {
        bestEase = ease.get(i);
        lambda = l;
      }
    }
    params = params.withEaseLambda(lambda);
    tuning.put("objective", protocol instanceof NextClickSplit ? "HR@k + MRR@k" : "nDCG@k");
    tuning.put("als", alsReport);
    tuning.put("itemItem", easeReport);
    valSources.put(HybridWeights.ALS, CompletableFuture.completedFuture(bestAls.ranked()));
    valSources.put(HybridWeights.EASE, CompletableFuture.completedFuture(bestEase.ranked()));
    return params;
  }

  /**
   * Every source but content fit on the training split and ranked on its test queries, longest
   * first; in report order.
   */
  private static Map<String, Fitted> fitOnTraining(DriverThreads threads, TrainParams p, ProtocolSplit test,
      Dataset<Row> views) {
    long ref = newest(test.train());
    ItemIndex items = test.items();
    Map<String, Future<Fitted>> fits = new HashMap<>();
    fits.put("als", threads.submit(fitted(test, () -> SourceTables.als(CandidateSources.als(p).fit(views), items))));
    fits.put("co-visitation", threads.submit(fitted(test, () ->
        SourceTables.coVisitation(CandidateSources.coVisitation(p, ref).fit(views), items))));
    fits.put("followed-by", threads.submit(fitted(test, () ->
        SourceTables.followedBy(CandidateSources.followedBy(p, ref).fit(views), items))));
    fits.put("item-item", threads.submit(fitted(test, () ->
        SourceTables.itemItem(CandidateSources.itemItem(p).fit(views), items))));
    fits.put("popularity", threads.submit(fitted(test, () ->
        SourceTables.popularity(CandidateSources.popularity(p, ref).fit(views), items))));
    Map<String, Fitted> out = new LinkedHashMap<>();
    for (String name : List.of("popularity", "co-visitation", "followed-by", "als", "item-item")) {
      out.put(name, DriverThreads.await(fits.get(name)));
    }
    return out;
  }

  /** One fitted candidate of a hyper-parameter search, its validation objective and seconds. */
  private record Trial(RankedSource ranked, double objective, double seconds) {}

  private record Timed<T>(T value, double seconds) {}

  /** A source fit on the training split, ranked on its test queries; seconds of the fit alone. */
  private record Fitted(ScoreSource source, RankedSource ranked, double seconds) {}

  private static Callable<Fitted> fitted(ProtocolSplit split, Supplier<ScoreSource> fit) {
    return () -> {
      long start = System.nanoTime();
      ScoreSource source = fit.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Fitted(source, ranked(split, source), seconds);
    };
  }

  private static <T> Callable<Timed<T>> timed(Supplier<T> step) {
    return () -> {
      long start = System.nanoTime();
      T value = step.get();
      return new Timed<>(value, (System.nanoTime() - start) / 1e9);
    };
  }

  private static Trial trial(Protocol protocol, ProtocolSplit validation, Supplier<ScoreSource> fit) {
    long start = System.nanoTime();
    RankedSource ranked = ranked(validation, fit.get());
    int k = protocol.k();
    int items = validation.items().size();
    double value = protocol.objective(Ranking.metrics(validation.queries(), ranked.lists(k), k, items, new double[items], 1));
    return new Trial(ranked, value, (System.nanoTime() - start) / 1e9);
  }

  private static RankedSource ranked(ProtocolSplit split, ScoreSource source) {
    return RankedSource.of(source, split.queries(), split.items().size());
  }

  /** Content neighbours as deep as the blend reads, materialised: both splits collect them. */
  private static Dataset<Row> contentScores(Dataset<Row> catalog, TrainParams params) {
    return CandidateSources.content(params).fit(catalog).setTopK(Blend.DEPTH).neighbourScores().localCheckpoint();
  }

  private static ScoreSource contentSource(Optional<Dataset<Row>> scores, ItemIndex items) {
    return scores.map(s -> SourceTables.content(s, items)).orElse(Sources.constant("content", new double[items.size()]));
  }

  private static List<RankedSource> inHybridOrder(Map<String, RankedSource> byName) {
    return HYBRID_SOURCES.stream().map(byName::get).toList();
  }

  private static ModelResult score(RankedSource ranked, List<Query> queries, ItemIndex items, int k, double[] share,
      int population, double seconds, String note) {
    return result(ranked.name(), queries, ranked.lists(LIST_LENGTH), items, k, share, population, seconds, note);
  }

  private static ModelResult result(String name, List<Query> queries, List<int[]> lists, ItemIndex items, int k,
      double[] share, int population, double seconds, String note) {
    Map<Integer, MetricSet> byK = new LinkedHashMap<>();
    for (int cut : new int[] {10, 20}) {
      byK.put(cut, Ranking.metrics(queries, lists, cut, items.size(), share, population));
    }
    MetricSet headline = byK.containsKey(k) ? byK.get(k) : Ranking.metrics(queries, lists, k, items.size(), share, population);
    return new ModelResult(name, headline, byK, Ranking.hitCurve(queries, lists, LIST_LENGTH), seconds, note);
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
          candidates));
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
