package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.DatasetFrames;
import com.eplly.recommender.datasets.Interaction;
import com.eplly.recommender.datasets.InteractionData;
import com.eplly.recommender.ease.EaseModel;
import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.train.CandidateSources;
import com.eplly.recommender.train.FittedSources;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
  static final int LIST_LENGTH = 20;
  /** Source order of the hybrid's weight vector. */
  static final List<String> HYBRID_SOURCES = List.of(HybridWeights.CO_VISITATION, HybridWeights.FOLLOWED_BY, HybridWeights.ALS,
      HybridWeights.EASE, HybridWeights.CONTENT, HybridWeights.POPULARITY);

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
        : Optional.of(DatasetFrames.articles(spark, data.catalog()).cache());

    progress.begin("tuning ALS and item-item on the validation split");
    Dataset<Row> valViews = DatasetFrames.pageViews(spark, validation.train()).cache();
    long valRef = newest(validation.train());
    // The sources without hyper-parameters to tune fit on a second driver thread meanwhile: most
    // of a small fit is Spark's fixed cost per job, which two threads overlap.
    FutureTask<Map<String, ScoreSource>> untuned = new FutureTask<>(
        () -> untunedSources(plan.params(), valRef, valViews, catalog, validation.items()));
    Thread untunedThread = new Thread(untuned, "validation-sources");
    untunedThread.setDaemon(true);
    untunedThread.start();
    Map<String, Object> tuning = new LinkedHashMap<>();
    TrainParams params = plan.params();
    double bestAls = Double.NEGATIVE_INFINITY;
    ScoreSource valAls = null;
    List<Map<String, Object>> alsTrials = new ArrayList<>();
    for (double[] g : plan.alsGrid()) {
      long t0 = System.nanoTime();
      TrainParams trial = params.withAls((int) g[0], g[1], g[2]);
      ScoreSource s = SourceTables.als(CandidateSources.als(trial).fit(valViews), validation.items());
      double value = objective(protocol, s, validation);
      alsTrials.add(Map.of("rank", (int) g[0], "regParam", g[1], "alpha", g[2], "objective", round(value)));
      progress.note(String.format(Locale.ROOT, "ALS rank %d reg %.2f alpha %.1f -> %.4f (%.1f s)", (int) g[0], g[1], g[2],
          value, (System.nanoTime() - t0) / 1e9));
      if (value > bestAls) {
        bestAls = value;
        valAls = s;
        params = params.withAls((int) g[0], g[1], g[2]);
      }
    }
    double bestEase = Double.NEGATIVE_INFINITY;
    ScoreSource valEase = null;
    double lambda = params.easeLambda();
    List<Map<String, Object>> easeTrials = new ArrayList<>();
    List<EaseModel> easeModels = CandidateSources.itemItem(params).fitEach(valViews, plan.easeLambdas());
    for (int i = 0; i < easeModels.size(); i++) {
      double l = plan.easeLambdas().get(i);
      ScoreSource s = SourceTables.itemItem(easeModels.get(i), validation.items());
      double value = objective(protocol, s, validation);
      easeTrials.add(Map.of("lambda", l, "objective", round(value)));
      progress.note(String.format(Locale.ROOT, "item-item lambda %.0f -> %.4f", l, value));
      if (value > bestEase) {
        bestEase = value;
        valEase = s;
        lambda = l;
      }
    }
    params = params.withEaseLambda(lambda);
    tuning.put("objective", protocol instanceof NextClickSplit ? "HR@k + MRR@k" : "nDCG@k");
    tuning.put("als", alsTrials);
    tuning.put("itemItem", easeTrials);
    progress.end(String.format(Locale.ROOT, "ALS rank %d reg %.2f alpha %.1f; item-item lambda %.0f",
        params.alsRank(), params.alsRegParam(), params.alsAlpha(), params.easeLambda()));

    progress.begin("fitting the hybrid's weights on the validation split");
    Map<String, ScoreSource> valSources = new HashMap<>(await(untuned));
    valSources.put(HybridWeights.ALS, valAls);
    valSources.put(HybridWeights.EASE, valEase);
    Blend valBlend = Blend.prepare(inHybridOrder(valSources), validation.queries(), validation.items().size());
    int k = protocol.k();
    WeightSearch.Result fitted = WeightSearch.search(HYBRID_SOURCES.size(), w -> protocol.objective(
        Ranking.metrics(validation.queries(), valBlend.lists(w, k), k, validation.items().size(),
            new double[validation.items().size()], 1)));
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int s = 0; s < HYBRID_SOURCES.size(); s++) {
      weights.put(HYBRID_SOURCES.get(s), fitted.weights()[s]);
    }
    HybridWeights hybrid = new HybridWeights(weights);
    params = params.withHybrid(hybrid);
    tuning.put("hybridWeights", weights);
    tuning.put("hybridValidationObjective", round(fitted.objective()));
    tuning.put("params", params.asMap());
    valViews.unpersist();
    progress.end("weights " + hybrid + " (validation objective " + String.format(Locale.ROOT, "%.4f", fitted.objective()) + ")");

    progress.begin("fitting every source on the training split (" + test.train().size() + " interactions)");
    Dataset<Row> views = DatasetFrames.pageViews(spark, test.train()).cache();
    long ref = newest(test.train());
    FittedSources fittedSources = CandidateSources.fit(views, catalog, params, ref);
    Map<String, Double> seconds = new LinkedHashMap<>(fittedSources.fitSeconds());
    ItemIndex items = test.items();
    Map<String, ScoreSource> sources = new LinkedHashMap<>();
    sources.put("popularity", timed(seconds, "popularity", () -> SourceTables.popularity(fittedSources.popularity(), items)));
    sources.put("co-visitation", timed(seconds, "co-visitation", () -> SourceTables.coVisitation(fittedSources.coVisits(), items)));
    sources.put("followed-by", timed(seconds, "followed-by", () -> SourceTables.followedBy(fittedSources.followedBy(), items)));
    sources.put("als", timed(seconds, "als", () -> SourceTables.als(fittedSources.als(), items)));
    sources.put("item-item", timed(seconds, "item-item", () -> SourceTables.itemItem(fittedSources.itemItem(), items)));
    sources.put("content", fittedSources.content()
        .map(m -> timed(seconds, "content", () -> SourceTables.content(m, items)))
        .orElse(Sources.constant("content", new double[items.size()])));
    views.unpersist();
    progress.end(String.format(Locale.ROOT, "fit seconds %s", rounded(seconds)));

    progress.begin("scoring " + test.queries().size() + " test queries");
    double[] share = popularityShare(test.train(), items);
    int population = (int) test.train().stream().map(Interaction::readerId).distinct().count();
    List<ModelResult> results = new ArrayList<>();
    Map<String, String> notes = new HashMap<>();
    if (catalog.isEmpty()) {
      notes.put("content", "no catalog in this dataset: content scores are all 0 (ranks by item id)");
    }
    results.add(score(Sources.random(seed), test.queries(), items, k, share, population, 0, ""));
    for (Map.Entry<String, ScoreSource> e : sources.entrySet()) {
      results.add(score(e.getValue(), test.queries(), items, k, share, population,
          seconds.getOrDefault(e.getKey(), 0.0), notes.getOrDefault(e.getKey(), "")));
    }
    List<ScoreSource> ordered = inHybridOrder(sources);
    Blend blend = Blend.prepare(ordered, test.queries(), items.size());
    double hybridSeconds = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    results.add(result("hybrid", test.queries(), blend.lists(fitted.weights(), LIST_LENGTH), items, k, share,
        population, hybridSeconds, "weights " + hybrid));
    Map<String, List<ModelResult>> variants = new LinkedHashMap<>();
    if (plan.sampledNegatives() > 0) {
      List<Query> sampled = withSampledNegatives(test, plan.sampledNegatives(), seed);
      List<ModelResult> variant = new ArrayList<>();
      variant.add(score(Sources.random(seed), sampled, items, k, share, population, 0, ""));
      for (Map.Entry<String, ScoreSource> e : sources.entrySet()) {
        variant.add(score(e.getValue(), sampled, items, k, share, population, seconds.getOrDefault(e.getKey(), 0.0),
            notes.getOrDefault(e.getKey(), "")));
      }
      variant.add(result("hybrid", sampled, Blend.prepare(ordered, sampled, items.size()).lists(fitted.weights(),
          LIST_LENGTH), items, k, share, population, hybridSeconds, "weights " + hybrid));
      variants.put("CHAMELEON: target + " + plan.sampledNegatives() + " negatives sampled from recently clicked articles",
          variant);
    }
    catalog.ifPresent(Dataset::unpersist);
    progress.end("done");
    return new EvaluationResult(data.name(), data.source(), protocol.name(), k, seed, test.stats(), tuning, results,
        variants, (System.nanoTime() - started) / 1e9);
  }

  /** Validation views of the hybrid's sources that take no tuned hyper-parameter. */
  private static Map<String, ScoreSource> untunedSources(TrainParams params, long valRef, Dataset<Row> valViews,
      Optional<Dataset<Row>> catalog, ItemIndex items) {
    Map<String, ScoreSource> sources = new HashMap<>();
    sources.put(HybridWeights.CO_VISITATION,
        SourceTables.coVisitation(CandidateSources.coVisitation(params, valRef).fit(valViews), items));
    sources.put(HybridWeights.FOLLOWED_BY,
        SourceTables.followedBy(CandidateSources.followedBy(params, valRef).fit(valViews), items));
    sources.put(HybridWeights.CONTENT, catalog
        .map(c -> SourceTables.content(CandidateSources.content(params).fit(c), items))
        .orElse(Sources.constant("content", new double[items.size()])));
    sources.put(HybridWeights.POPULARITY,
        SourceTables.popularity(CandidateSources.popularity(params, valRef).fit(valViews), items));
    return sources;
  }

  private static <T> T await(FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting the validation sources", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private static List<ScoreSource> inHybridOrder(Map<String, ScoreSource> byName) {
    return HYBRID_SOURCES.stream().map(byName::get).toList();
  }

  private static double objective(Protocol protocol, ScoreSource s, ProtocolSplit split) {
    int k = protocol.k();
    List<int[]> lists = Ranking.lists(s, split.queries(), split.items().size(), k);
    return protocol.objective(Ranking.metrics(split.queries(), lists, k, split.items().size(),
        new double[split.items().size()], 1));
  }

  private static ModelResult score(ScoreSource s, List<Query> queries, ItemIndex items, int k, double[] share,
      int population, double seconds, String note) {
    return result(s.name(), queries, Ranking.lists(s, queries, items.size(), LIST_LENGTH), items, k, share, population,
        seconds, note);
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

  private static <T> T timed(Map<String, Double> seconds, String name, java.util.function.Supplier<T> step) {
    long start = System.nanoTime();
    T out = step.get();
    seconds.merge(name, (System.nanoTime() - start) / 1e9, Double::sum);
    return out;
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
