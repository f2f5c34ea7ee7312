package com.eplly.bench.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The two configurations of {@code bench-api --experiment-cost} at one connection count, against
 * issue 18's budget: with an experiment and served events, p99 at most {@value #P99_BUDGET_MS} ms
 * above and throughput at least {@value #THROUGHPUT_FLOOR} of the run without. Each side is the mean
 * of its rounds: the rounds alternate on a shared machine, so neither side gets the quieter minutes.
 *
 * @param connections wrk connections
 * @param without     that count's rows without, in round order
 * @param with        that count's rows with, in round order
 */
public record CostComparison(int connections, List<CostRow> without, List<CostRow> with) {

  public static final double P99_BUDGET_MS = 0.5;
  public static final double THROUGHPUT_FLOOR = 0.9;

  public CostComparison {
    if (without.isEmpty() || with.isEmpty()) {
      throw new IllegalArgumentException(connections + " connections: both configurations need a row");
    }
  }

  /** One comparison per connection count, in ascending order. */
  public static List<CostComparison> of(List<CostRow> rows) {
    Map<Integer, List<CostRow>> byConnections = new TreeMap<>(
        rows.stream().collect(Collectors.groupingBy(CostRow::connections)));
    List<CostComparison> out = new ArrayList<>();
    byConnections.forEach((c, list) -> out.add(new CostComparison(c,
        list.stream().filter(r -> CostRow.WITHOUT.equals(r.config())).toList(),
        list.stream().filter(r -> CostRow.WITH.equals(r.config())).toList())));
    return out;
  }

  /** Mean p99 with minus mean p99 without, ms. */
  public double p99Difference() {
    return mean(with, CostRow::p99) - mean(without, CostRow::p99);
  }

  /** Mean throughput with over mean throughput without. */
  public double throughputRatio() {
    return mean(with, CostRow::rps) / mean(without, CostRow::rps);
  }

  public boolean latencyMet() {
    return p99Difference() <= P99_BUDGET_MS;
  }

  public boolean throughputMet() {
    return throughputRatio() >= THROUGHPUT_FLOOR;
  }

  /** The comparison line the script prints. */
  public String describe() {
    return String.format(Locale.ROOT,
        "compare %2d conns: p99 %.2f -> %.2f ms (%+.2f ms, target <= +%.1f: %s); req/s %.0f -> %.0f (x%.3f, target >= %.2f: %s);"
            + " api CPU %.0f -> %.0f us/rq, broker %.0f -> %.0f us/rq; %d+%d rows",
        connections, mean(without, CostRow::p99), mean(with, CostRow::p99), p99Difference(), P99_BUDGET_MS,
        verdict(latencyMet()), mean(without, CostRow::rps), mean(with, CostRow::rps), throughputRatio(), THROUGHPUT_FLOOR,
        verdict(throughputMet()), mean(without, CostRow::apiUs), mean(with, CostRow::apiUs),
        mean(without, CostRow::brokerUs), mean(with, CostRow::brokerUs), without.size(), with.size());
  }

  private static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }

  private static double mean(List<CostRow> rows, ToDoubleFunction<CostRow> field) {
    return rows.stream().mapToDouble(field).average().orElseThrow();
  }
}
