package com.eplly.bench.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The two configurations of a paired {@code bench-api} run ({@code --experiment-cost},
 * {@code --rules-cost}) at one connection count, against its {@link Budget}. The rows of one round
 * ran back to back, so the verdict is on the median of the per-round differences: a load spike from
 * the machine's other users moves one pair, not the verdict.
 *
 * @param connections wrk connections
 * @param without     that count's rows without, in round order
 * @param with        that count's rows with, the same rounds in the same order
 * @param budget      what the configuration with may cost
 */
public record CostComparison(int connections, List<CostRow> without, List<CostRow> with, Budget budget) {

  /**
   * What a feature may cost: p99 at most {@code p99Ms} above, and throughput at least
   * {@code throughputFloor} of the run without (0: no throughput target, the ratio is only shown).
   */
  public record Budget(double p99Ms, double throughputFloor) {

    /** Issue 18: an experiment running and served events published. */
    public static final Budget EXPERIMENT = new Budget(0.5, 0.9);
    /** Issue 19: 100 editorial rules in force. */
    public static final Budget RULES = new Budget(0.3, 0);

    public static Budget named(String name) {
      return switch (name) {
        case "experiment" -> EXPERIMENT;
        case "rules" -> RULES;
        default -> throw new IllegalArgumentException("budget must be experiment or rules, got " + name);
      };
    }
  }

  public CostComparison {
    if (without.isEmpty() || !without.stream().map(CostRow::round).toList().equals(with.stream().map(CostRow::round).toList())) {
      throw new IllegalArgumentException(connections + " connections: every round needs a row of each configuration");
    }
  }

  /** One comparison per connection count, in ascending order. */
  public static List<CostComparison> of(List<CostRow> rows, Budget budget) {
    Map<Integer, List<CostRow>> byConnections = new TreeMap<>(
        rows.stream().collect(Collectors.groupingBy(CostRow::connections)));
    List<CostComparison> out = new ArrayList<>();
    byConnections.forEach((c, list) ->
        out.add(new CostComparison(c, side(list, CostRow.WITHOUT), side(list, CostRow.WITH), budget)));
    return out;
  }

  private static List<CostRow> side(List<CostRow> rows, String config) {
    return rows.stream().filter(r -> config.equals(r.config())).sorted((a, b) -> Integer.compare(a.round(), b.round())).toList();
  }

  /** Per round, p99 with minus p99 without, ms. */
  public List<Double> p99Differences() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < without.size(); i++) {
      out.add(with.get(i).p99() - without.get(i).p99());
    }
    return out;
  }

  /** Per round, throughput with over throughput without. */
  public List<Double> throughputRatios() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < without.size(); i++) {
      out.add(with.get(i).rps() / without.get(i).rps());
    }
    return out;
  }

  public double p99Difference() {
    return median(p99Differences());
  }

  public double throughputRatio() {
    return median(throughputRatios());
  }

  public boolean latencyMet() {
    return p99Difference() <= budget.p99Ms();
  }

  public boolean throughputMet() {
    return throughputRatio() >= budget.throughputFloor();
  }

  /** The comparison line the script prints. */
  public String describe() {
    String throughputTarget = budget.throughputFloor() > 0
        ? String.format(Locale.ROOT, "target >= %.2f: %s; ", budget.throughputFloor(), verdict(throughputMet()))
        : "";
    return String.format(Locale.ROOT,
        "compare %2d conns, median of %d rounds: p99 %+.2f ms (target <= +%.1f: %s; rounds %s); req/s x%.3f (%s"
            + "rounds %s); means without -> with: p99 %.2f -> %.2f ms, req/s %.0f -> %.0f, api CPU %.0f -> %.0f us/rq,"
            + " broker %.0f -> %.0f us/rq",
        connections, without.size(), p99Difference(), budget.p99Ms(), verdict(latencyMet()), list(p99Differences(), "%+.2f"),
        throughputRatio(), throughputTarget, list(throughputRatios(), "%.3f"),
        mean(without, CostRow::p99), mean(with, CostRow::p99), mean(without, CostRow::rps), mean(with, CostRow::rps),
        mean(without, CostRow::apiUs), mean(with, CostRow::apiUs), mean(without, CostRow::brokerUs), mean(with, CostRow::brokerUs));
  }

  private static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }

  private static String list(List<Double> values, String format) {
    return values.stream().map(v -> String.format(Locale.ROOT, format, v)).collect(Collectors.joining(" "));
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double mean(List<CostRow> rows, ToDoubleFunction<CostRow> field) {
    return rows.stream().mapToDouble(field).average().orElseThrow();
  }
}
