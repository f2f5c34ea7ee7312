package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.DatasetName;
import com.eplly.recommender.datasets.Interaction;
import com.eplly.recommender.train.TrainParams;
import java.time.Duration;
import java.util.List;

/**
 * How a dataset is evaluated: its protocol, the training parameters the sources start from, the
 * small hyper-parameter grids tried on the validation split, and whether CHAMELEON's sampled
 * negatives variant is reported too.
 *
 * @param protocol       split and queries
 * @param params         base training parameters (half-lives suited to the data's time scale)
 * @param alsGrid        (rank, regParam, alpha) candidates for ALS
 * @param easeLambdas    regularisation candidates for EASE
 * @param sampledNegatives 0 = no sampled variant; else negatives per query (CHAMELEON: 50)
 */
public record EvalPlan(Protocol protocol, TrainParams params, List<double[]> alsGrid, List<Double> easeLambdas,
    int sampledNegatives) {

  /** The widget's default length: the lake's headline cut-off. */
  public static final int WIDGET_K = 6;

  /**
   * The portal's own lake: train's parameters ({@code base}: the half-lives of a news cycle) and
   * a small grid of ALS and EASE, replayed with {@code testSpan} held out.
   */
  public static EvalPlan forLake(TrainParams base, Duration testSpan, int maxQueries) {
    return forLake(base, new LakeReplay(testSpan, WIDGET_K, maxQueries));
  }

  public static EvalPlan forLake(TrainParams base, LakeReplay replay) {
    return new EvalPlan(replay, base,
        List.of(new double[] {32, 0.05, 10}, new double[] {64, 0.1, 20}), List.of(50.0, 200.0), 0);
  }

  /** The same plan with ALS tried at the base parameters alone: ALS's grid is the costliest part of tuning. */
  public EvalPlan withGivenAls() {
    return new EvalPlan(protocol, params, List.of(new double[] {params.alsRank(), params.alsRegParam(), params.alsAlpha()}),
        easeLambdas, sampledNegatives);
  }

  public static EvalPlan forDataset(DatasetName dataset) {
    TrainParams base = TrainParams.defaults();
    return switch (dataset) {
      // Ratings over seven months, no news cycle: ages should not matter.
      case MOVIELENS -> new EvalPlan(new StratifiedUserSplit(0.75, 10),
          base.withHalfLives(Duration.ofDays(36_500), Duration.ofDays(36_500)),
          List.of(new double[] {64, 1.0, 5}, new double[] {64, 0.1, 1}),
          List.of(100.0, 300.0, 1000.0), 0);
      case DIGINETICA -> new EvalPlan(NextClickSplit.lastDays(5, 7, 20),
          base.withHalfLives(Duration.ofDays(60), Duration.ofDays(30)),
          List.of(new double[] {32, 0.05, 10}, new double[] {64, 0.1, 20}), List.of(10.0, 50.0, 200.0), 0);
      case GLOBO -> new EvalPlan(NextClickSplit.lastShare(1, 0.25, 20),
          base.withHalfLives(Duration.ofHours(6), Duration.ofHours(3)),
          List.of(new double[] {16, 0.05, 10}), List.of(10.0, 50.0), 50);
      case GENERATED -> new EvalPlan(NextClickSplit.lastSpan(5, Duration.ofHours(12), 20),
          base.withHalfLives(Duration.ofDays(2), Duration.ofHours(12)),
          List.of(new double[] {32, 0.05, 10}, new double[] {64, 0.1, 20}), List.of(20.0, 100.0), 0);
      case SESSIONS -> throw new IllegalArgumentException("the sessions dataset is a file pair: use forSessionFiles");
    };
  }

  /**
   * session-rec's files: a few days of e-commerce clicks (co-visits age over days, popularity over a
   * day); no ALS ({@link #NO_ALS}) and one EASE λ keep a run of ~70,000 clicks near a minute on two cores.
   */
  /**
   * Why a plan may leave ALS out (an empty grid): ALS learns reader profiles, and session-rec's test sessions
   * are anonymous and new, so it would rank them only from item factors and feeds no list served to them
   * (reader lists only); on ~70,000 clicks its two fits were a third of the run's CPU.
   */
  public static final String NO_ALS = "not fit: anonymous sessions have no reader profile (ALS feeds reader lists only)";

  public static EvalPlan forSessionFiles(List<Interaction> testClicks, SessionFileSplit.Variant variant) {
    return new EvalPlan(SessionFileSplit.of(testClicks, variant, 20),
        TrainParams.defaults().withHalfLives(Duration.ofDays(2), Duration.ofDays(1)),
        List.of(), List.of(200.0), 0);
  }
}
