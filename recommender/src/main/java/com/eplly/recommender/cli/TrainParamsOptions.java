package com.eplly.recommender.cli;

import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.train.TrainParams;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that make a {@link TrainParams}; each defaults to {@link TrainParams#defaults()}. */
final class TrainParamsOptions {

  private static final TrainParams DEFAULTS = TrainParams.defaults();

  @Option(names = "--k", paramLabel = "<n>", converter = Converters.PositiveInt.class,
      description = "suggestions kept per article and per reader")
  int k = DEFAULTS.k();

  @Option(names = "--popular", paramLabel = "<n>", converter = Converters.PositiveInt.class,
      description = "length of the popular list")
  int popular = DEFAULTS.popularN();

  @Option(names = "--window", paramLabel = "<n>", converter = Converters.PositiveInt.class,
      description = "co-visitation: max positions apart in a session")
  int window = DEFAULTS.covisitWindow();

  @Option(names = "--covisit-half-life", paramLabel = "<duration>", converter = Converters.PositiveDuration.class,
      description = "co-visitation: half-life of a pair's weight")
  Duration covisitHalfLife = DEFAULTS.covisitHalfLife();

  @Option(names = "--popularity-half-life", paramLabel = "<duration>", converter = Converters.PositiveDuration.class,
      description = "popularity: half-life of a view's weight")
  Duration popularityHalfLife = DEFAULTS.popularityHalfLife();

  @Option(names = "--rank", paramLabel = "<n>", converter = Converters.PositiveInt.class,
      description = "ALS: latent factors")
  int rank = DEFAULTS.alsRank();

  @Option(names = "--iterations", paramLabel = "<n>", converter = Converters.PositiveInt.class,
      description = "ALS: iterations")
  int iterations = DEFAULTS.alsIterations();

  @Option(names = "--reg-param", paramLabel = "<x>", converter = Converters.NonNegativeDouble.class,
      description = "ALS: regularisation")
  double regParam = DEFAULTS.alsRegParam();

  @Option(names = "--alpha", paramLabel = "<x>", converter = Converters.NonNegativeDouble.class,
      description = "ALS: implicit confidence scale")
  double alpha = DEFAULTS.alsAlpha();

  @Option(names = "--dwell-weight", paramLabel = "<x>", converter = Converters.NonNegativeDouble.class,
      description = "ALS: extra preference per minute of dwell (capped at 5 min a view)")
  double dwellWeight = DEFAULTS.dwellWeight();

  @Option(names = "--lookback", paramLabel = "<duration>",
      description = "use events this far back from the reference time; 0 = all")
  Duration lookback = DEFAULTS.lookback();

  @Option(names = "--as-of", paramLabel = "<instant>",
      description = "reference time for ages, ISO-8601 (default: the newest event)")
  Instant asOf;

  @Option(names = "--ease-lambda", paramLabel = "<x>", converter = Converters.NonNegativeDouble.class,
      description = "ease (EASE item-item model): regularisation")
  double easeLambda = DEFAULTS.easeLambda();

  @Option(names = "--ease-max-items", paramLabel = "<n>", converter = Converters.PositiveInt.class,
      description = "ease (EASE item-item model): most-read articles modelled (memory grows with its square)")
  int easeMaxItems = DEFAULTS.easeMaxItems();

  @Option(names = "--hybrid", paramLabel = "<source=weight,...>", converter = Converters.TrainableHybrid.class,
      description = "hybrid weights source=weight,... (reco evaluate prints fitted ones)")
  HybridWeights hybrid = DEFAULTS.hybrid();

  @Option(names = "--als-max-items", paramLabel = "<n>", converter = Converters.PositiveInt.class,
      description = "ALS: most popular articles ranked for every reader (cost grows with readers times this)")
  int alsMaxItems = DEFAULTS.alsMaxItems();

  @Option(names = "--content-max-articles", paramLabel = "<n>", converter = Converters.PositiveInt.class,
      description = "content: newest catalog articles covered (cost grows with its square)")
  int contentMaxArticles = DEFAULTS.contentMaxArticles();

  TrainParams params() {
    return new TrainParams(k, popular, window, covisitHalfLife, popularityHalfLife, rank, iterations, regParam, alpha,
        dwellWeight, lookback, Optional.ofNullable(asOf), easeLambda, easeMaxItems, hybrid, alsMaxItems,
        contentMaxArticles);
  }
}
