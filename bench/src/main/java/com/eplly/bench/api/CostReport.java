package com.eplly.bench.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the summary of a paired {@code bench-api} run ({@code --experiment-cost},
 * {@code --rules-cost}): every row in the order it ran, then one {@link CostComparison} per
 * connection count against the named budget.
 *
 * <p>Usage: {@code CostReport ROWS_FILE experiment|rules}
 */
public final class CostReport {

  private CostReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CostReport ROWS_FILE experiment|rules");
      System.exit(2);
    }
    CostComparison.Budget budget = CostComparison.Budget.named(args[1]);
    List<CostRow> rows = Files.readAllLines(Path.of(args[0])).stream()
        .filter(line -> !line.isBlank())
        .map(CostRow::parse)
        .toList();
    System.out.printf("%-7s %5s %5s %8s %8s %8s %8s %6s %6s %9s %9s %9s %6s%n", "config", "round", "conns", "api_rps",
        "p50_ms", "p99_ms", "p999_ms", "errors", "bad", "api_us/rq", "rds_us/rq", "brk_us/rq", "load");
    for (CostRow r : rows) {
      System.out.printf("%-7s %5d %5d %8.0f %8.2f %8.2f %8.2f %6d %6d %9.0f %9.0f %9.0f %6.2f%n", r.config(), r.round(),
          r.connections(), r.rps(), r.p50(), r.p99(), r.p999(), r.errors(), r.bad(), r.apiUs(), r.redisUs(), r.brokerUs(),
          r.load());
    }
    for (CostComparison c : CostComparison.of(rows, budget)) {
      System.out.println(c.describe());
    }
  }
}
