package com.eplly.recommender.train;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that decides what a training produces (recorded in {@code model.json}).
 *
 * @param k                   suggestions kept per article and per reader
 * @param popularN            length of the popular list
 * @param covisitWindow       max positions apart in a session for two reads to count as a pair
 * @param covisitHalfLife     half-life of a co-visit's weight by age
 * @param popularityHalfLife  half-life of a view's weight in popularity
 * @param alsRank             ALS latent factors
 * @param alsIterations       ALS iterations
 * @param alsRegParam         ALS regularisation
 * @param alsAlpha            ALS implicit confidence scale
 * @param dwellWeight         extra ALS preference per minute of dwell
 * @param lookback            only events this far before the reference time are used; zero = all
 * @param asOf                reference time for ages; empty = the newest event in the lake
 */
public record TrainParams(
    int k,
    int popularN,
    int covisitWindow,
    Duration covisitHalfLife,
    Duration popularityHalfLife,
    int alsRank,
    int alsIterations,
    double alsRegParam,
    double alsAlpha,
    double dwellWeight,
    Duration lookback,
    Optional<Instant> asOf) {

  /** Defaults suited to a news site: lists of 20, a week's co-visits, a day's popularity. */
  public static TrainParams defaults() {
    return new TrainParams(20, 50, 3, Duration.ofDays(7), Duration.ofDays(1), 32, 10, 0.05, 10.0, 0.25,
        Duration.ofDays(30), Optional.empty());
  }

  /** Flat, JSON-friendly form for {@code model.json} and the version meta. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", k);
    m.put("popularN", popularN);
    m.put("covisitWindow", covisitWindow);
    m.put("covisitHalfLife", covisitHalfLife.toString());
    m.put("popularityHalfLife", popularityHalfLife.toString());
    m.put("alsRank", alsRank);
    m.put("alsIterations", alsIterations);
    m.put("alsRegParam", alsRegParam);
    m.put("alsAlpha", alsAlpha);
    m.put("dwellWeight", dwellWeight);
    m.put("lookback", lookback.toString());
    asOf.ifPresent(t -> m.put("asOf", t.toString()));
    return m;
  }
}
