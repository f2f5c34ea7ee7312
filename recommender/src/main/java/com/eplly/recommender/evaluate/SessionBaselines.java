package com.eplly.recommender.evaluate;

import com.eplly.recommender.session.SequentialRules;
import com.eplly.recommender.session.TrainingSessions;
import com.eplly.recommender.session.VSkNN;
import java.util.ArrayList;
import java.util.List;

/**
 * The session baselines of the literature ({@link VSkNN}, {@link SequentialRules}), fit on the driver
 * from a next-click split's training sessions and reported beside the hybrid's sources: the figures
 * a session model has to clear.
 */
final class SessionBaselines {

  /** One fitted baseline, its seconds to fit. */
  record Fitted(QueryScorer scorer, double seconds) {}

  /** Turns a model's lists of the test queries into its report row. */
  @FunctionalInterface
  interface Reporter {
    ModelResult result(String name, List<int[]> lists, double seconds, String note);
  }

  private SessionBaselines() {}

  /** The baselines' report rows on {@code test}, or none when the protocol is not a next-click one. */
  static List<ModelResult> results(Protocol protocol, ProtocolSplit test, int n, Reporter reporter) {
    if (!apply(protocol)) {
      return List.of();
    }
    List<ModelResult> out = new ArrayList<>();
    for (Fitted b : fit(test)) {
      out.add(reporter.result(b.scorer().name(), lists(b.scorer(), test.queries(), test.items().size(), n), b.seconds(),
          "session-rec's defaults, fit on the driver"));
    }
    return out;
  }

  /** Whether the protocol asks for next clicks of anonymous sessions, which the baselines answer. */
  static boolean apply(Protocol protocol) {
    return protocol instanceof SessionFileSplit || protocol instanceof NextClickSplit;
  }

  /** V-SKNN and SR with session-rec's defaults, fit on {@code split}'s training part. */
  static List<Fitted> fit(ProtocolSplit split) {
    long start = System.nanoTime();
    TrainingSessions sessions = TrainingSessions.of(split.train(), split.items());
    double indexed = seconds(start);
    List<Fitted> out = new ArrayList<>();
    out.add(new Fitted(VSkNN.withDefaults(sessions), indexed));
    long sr = System.nanoTime();
    out.add(new Fitted(SequentialRules.withDefaults(sessions), indexed + seconds(sr)));
    return out;
  }

  /** Each baseline's top-{@code n} lists of {@code queries}. */
  static List<int[]> lists(QueryScorer scorer, List<Query> queries, int items, int n) {
    return SourceRanking.of(scorer, queries, items).lists(n);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
