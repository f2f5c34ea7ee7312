package com.eplly.recommender.cli;

import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.publish.RedisEndpoint;
import com.eplly.recommender.train.TrainParams;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Typed options of {@code reco train}.
 *
 * @param lake    event lake root
 * @param models  where version folders are written
 * @param master  Spark master URL
 * @param version version name; empty = {@code v<UTC time>}
 * @param params  what the models are trained with
 * @param publish publish the version right after training
 * @param redis   where to publish
 * @param ttl     lifetime of published keys
 */
record TrainOptions(String lake, String models, String master, Optional<String> version, TrainParams params,
    boolean publish, RedisEndpoint redis, Duration ttl) {

  private static final TrainParams DEFAULTS = TrainParams.defaults();

  static final List<Flag> FLAGS = List.of(
      Flag.LAKE, Flag.MODELS, Flag.MASTER,
      Flag.option("version", null, "version name (default v<yyyyMMdd-HHmmss> UTC)"),
      Flag.option("k", String.valueOf(DEFAULTS.k()), "suggestions kept per article and per reader"),
      Flag.option("popular", String.valueOf(DEFAULTS.popularN()), "length of the popular list"),
      Flag.option("window", String.valueOf(DEFAULTS.covisitWindow()), "co-visitation: max positions apart in a session"),
      Flag.option("covisit-half-life", Durations.format(DEFAULTS.covisitHalfLife()), "co-visitation: half-life of a pair's weight"),
      Flag.option("popularity-half-life", Durations.format(DEFAULTS.popularityHalfLife()), "popularity: half-life of a view's weight"),
      Flag.option("rank", String.valueOf(DEFAULTS.alsRank()), "ALS: latent factors"),
      Flag.option("iterations", String.valueOf(DEFAULTS.alsIterations()), "ALS: iterations"),
      Flag.option("reg-param", String.valueOf(DEFAULTS.alsRegParam()), "ALS: regularisation"),
      Flag.option("alpha", String.valueOf(DEFAULTS.alsAlpha()), "ALS: implicit confidence scale"),
      Flag.option("dwell-weight", String.valueOf(DEFAULTS.dwellWeight()), "ALS: extra preference per minute of dwell (capped at 5 min a view)"),
      Flag.option("lookback", Durations.format(DEFAULTS.lookback()), "use events this far back from the reference time; 0 = all"),
      Flag.option("as-of", null, "reference time for ages, ISO-8601 (default: the newest event)"),
      Flag.option("ease-lambda", String.valueOf(DEFAULTS.easeLambda()), "item-item (EASE): regularisation"),
      Flag.option("ease-max-items", String.valueOf(DEFAULTS.easeMaxItems()), "item-item (EASE): most-read articles modelled (memory grows with its square)"),
      Flag.option("hybrid", DEFAULTS.hybrid().toString(), "hybrid weights source=weight,... (reco evaluate prints fitted ones)"),
      Flag.option("als-max-items", String.valueOf(DEFAULTS.alsMaxItems()), "ALS: most popular articles ranked for every reader (cost grows with readers times this)"),
      Flag.option("content-max-articles", String.valueOf(DEFAULTS.contentMaxArticles()), "content: newest catalog articles covered (cost grows with its square)"),
      Flag.toggle("publish", "publish the version to Redis and activate it when training succeeds"),
      Flag.REDIS, Flag.REDIS_PASSWORD_FILE, Flag.TTL);

  static TrainOptions from(CommandArgs a) {
    TrainParams params = new TrainParams(
        a.positiveInt("k"), a.positiveInt("popular"), a.positiveInt("window"),
        positive(a, "covisit-half-life"), positive(a, "popularity-half-life"),
        a.positiveInt("rank"), a.positiveInt("iterations"), a.nonNegativeDouble("reg-param"),
        a.nonNegativeDouble("alpha"), a.nonNegativeDouble("dwell-weight"), a.duration("lookback"),
        a.instant("as-of"), a.nonNegativeDouble("ease-lambda"), a.positiveInt("ease-max-items"),
        a.parsed("hybrid", spec -> {
          HybridWeights w = HybridWeights.parse(spec);
          com.eplly.recommender.train.HybridLists.requireSources(w);
          return w;
        }),
        a.positiveInt("als-max-items"), a.positiveInt("content-max-articles"));
    return new TrainOptions(a.string("lake"), a.string("models"), a.string("master"),
        a.optional("version").map(v -> a.parsed("version", com.eplly.recommender.model.VersionId::checked)),
        params, a.toggle("publish"), RedisOptions.endpoint(a), positive(a, "ttl"));
  }

  static Duration positive(CommandArgs a, String name) {
    Duration d = a.duration(name);
    if (d.isZero()) {
      throw new UsageException("--" + name + " must be longer than 0");
    }
    return d;
  }
}
