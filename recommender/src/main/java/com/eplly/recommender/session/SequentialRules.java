package com.eplly.recommender.session;

import com.eplly.recommender.evaluate.Query;
import com.eplly.recommender.evaluate.QueryScorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SR, sequential rules (Kamehkhosh et al. 2017; session-rec's {@code sr} with its defaults): in every
 * training session, each click b adds 1 / d to the rule "a then b" for each of the {@code steps}
 * clicks a before it, d positions back; each item keeps its {@code pruning} strongest rules. A prefix
 * is scored by the rules of its last click.
 */
public final class SequentialRules implements QueryScorer {

  public static final String NAME = "sr";
  public static final int DEFAULT_STEPS = 10;
  public static final int DEFAULT_PRUNING = 20;

  private final int[][] next;
  private final double[][] weight;

  private SequentialRules(int[][] next, double[][] weight) {
    this.next = next;
    this.weight = weight;
  }

  public static SequentialRules fit(TrainingSessions sessions, int steps, int pruning) {
    List<Map<Integer, Double>> rules = new ArrayList<>(sessions.items());
    for (int i = 0; i < sessions.items(); i++) {
      rules.add(null);
    }
    for (int s = 0; s < sessions.size(); s++) {
      int[] c = sessions.clicks(s);
      for (int j = 1; j < c.length; j++) {
        for (int d = 1; d <= Math.min(steps, j); d++) {
          int a = c[j - d];
          if (rules.get(a) == null) {
            rules.set(a, new LinkedHashMap<>());
          }
          rules.get(a).merge(c[j], 1.0 / d, Double::sum);
        }
      }
    }
    int[][] next = new int[sessions.items()][];
    double[][] weight = new double[sessions.items()][];
    for (int a = 0; a < next.length; a++) {
      Map<Integer, Double> r = rules.get(a);
      if (r == null) {
        continue;
      }
      // Strongest first; equal weights keep the order the rules were first seen (Counter.most_common's).
      List<Map.Entry<Integer, Double>> kept = r.entrySet().stream()
          .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
          .limit(pruning > 0 ? pruning : Long.MAX_VALUE).toList();
      next[a] = kept.stream().mapToInt(Map.Entry::getKey).toArray();
      weight[a] = kept.stream().mapToDouble(Map.Entry::getValue).toArray();
    }
    return new SequentialRules(next, weight);
  }

  /** session-rec's defaults: 10 steps back, 1 / distance, the 20 strongest rules per item. */
  public static SequentialRules withDefaults(TrainingSessions sessions) {
    return fit(sessions, DEFAULT_STEPS, DEFAULT_PRUNING);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void score(Query query, double[] out) {
    int[] ctx = query.context();
    int last = ctx.length == 0 ? -1 : ctx[ctx.length - 1];
    if (last < 0 || next[last] == null) {
      return;
    }
    for (int r = 0; r < next[last].length; r++) {
      out[next[last][r]] += weight[last][r];
    }
  }

  /** The rules of {@code item}: followers and weights, strongest first (for tests). */
  Map<Integer, Double> rulesOf(int item) {
    Map<Integer, Double> out = new LinkedHashMap<>();
    if (next[item] != null) {
      for (int r = 0; r < next[item].length; r++) {
        out.put(next[item][r], weight[item][r]);
      }
    }
    return out;
  }
}
