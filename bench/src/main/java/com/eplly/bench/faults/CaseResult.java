package com.eplly.bench.faults;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * One row of the fault table. Counts are -1 where they do not apply to the case (shown as "-").
 *
 * @param name          short case name
 * @param injected      what was injected
 * @param happened      what was seen: status codes, seconds until caught up, latencies, live counts
 * @param sent          events sent (and acknowledged) in the case
 * @param inLake        of those, distinct eventIds in the lake
 * @param lost          sent minus in lake
 * @param doubleCounted views counted more than once in the live state
 * @param serverErrors  5xx answers seen
 * @param seconds       wall time of the case
 * @param passed        whether every check of the case held
 * @param failures      the checks that did not hold (empty when passed)
 */
public record CaseResult(String name, String injected, String happened, long sent, long inLake, long lost, long doubleCounted,
    long serverErrors, double seconds, boolean passed, List<String> failures) {

  /** A case that could not run to its end (an exception or its time bound). */
  public static CaseResult broken(String name, String injected, String why, double seconds) {
    return new CaseResult(name, injected, why, -1, -1, -1, -1, -1, seconds, false, List.of(why));
  }

  private static final String FORMAT = "%-18s %-46s %6s %7s %5s %6s %4s %5s  %-6s %s%n";

  public static void printTable(List<CaseResult> rows, PrintStream out) {
    out.printf(Locale.ROOT, FORMAT, "case", "injected", "sent", "in lake", "lost", "double", "5xx", "s", "result", "what happened");
    for (CaseResult r : rows) {
      out.printf(Locale.ROOT, FORMAT, r.name(), r.injected(), n(r.sent()), n(r.inLake()), n(r.lost()), n(r.doubleCounted()),
          n(r.serverErrors()), String.format(Locale.ROOT, "%.0f", r.seconds()), r.passed() ? "PASS" : "FAIL", r.happened());
    }
    out.println("  sent/in lake/lost: the case's page views (for kafka-outage: POSTs sent, and the 202-accepted ones in the lake);"
        + " double: views counted more than once in the Redis live state; 5xx: unexpected 5xx answers (the outage's 503s to"
        + " POSTs are expected and not counted); - = not applicable");
    for (CaseResult r : rows) {
      if (!r.passed()) {
        out.printf(Locale.ROOT, "  %s failed: %s%n", r.name(), String.join("; ", r.failures()));
      }
    }
  }

  private static String n(long v) {
    return v < 0 ? "-" : String.valueOf(v);
  }
}
