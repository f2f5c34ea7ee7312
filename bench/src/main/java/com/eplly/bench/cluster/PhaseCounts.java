package com.eplly.bench.cluster;

import com.eplly.bench.ingest.LakeAudit;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The counts after one phase of the cluster test (all cumulative since the start).
 *
 * @param phase         phase name
 * @param fault         what was broken during the phase
 * @param produced      valid page views acknowledged by Kafka (through the producer and the api)
 * @param viaApi        of those, posted to the api's {@code POST /v1/events}
 * @param lake          the lake compared with what was produced
 * @param invalidSent   malformed records produced
 * @param deadLetters   what the page-view dead-letter topic holds
 * @param apiStatus     HTTP status of a recommendation request for a reader who read through the api
 * @param degraded      whether that answer came from the in-process snapshot rather than Redis
 * @param items         items in that answer
 * @param readerRecent  length of that reader's recent-reads list in the Redis Cluster (live state)
 * @param catalog       articles in the catalog index of the Redis Cluster that have their hash
 * @param keysPerMaster DBSIZE of each running Redis master
 * @param up            running Kafka nodes / ingest instances / Redis nodes
 * @param seconds       wall time of the phase
 */
public record PhaseCounts(String phase, String fault, long produced, long viaApi, LakeAudit lake, long invalidSent,
    DeadLetters.Count deadLetters, int apiStatus, boolean degraded, int items, long readerRecent, long catalog,
    List<Long> keysPerMaster, String up, double seconds) {

  /**
   * Exactly once in the lake, every malformed record dead-lettered, the api served from Redis, live
   * state present. Unfinished temp files are shown, not failed: a SIGKILLed instance leaves its one
   * open file behind, which readers skip and the next ingest start removes.
   */
  public boolean passed() {
    return lake.exactlyOnce(produced) && deadLetters.distinct() == invalidSent
        && deadLetters.records() >= invalidSent && apiStatus == 200 && !degraded && readerRecent > 0 && catalog > 0;
  }

  private static final String FORMAT = "%-9s %-34s %9s %8s %10s %10s %7s %5s %4s %14s %8s %7s %7s %-20s %-10s %5s %s%n";

  /** Prints the phases as one table. */
  public static void printTable(List<PhaseCounts> phases, PrintStream out) {
    out.printf(Locale.ROOT, FORMAT, "phase", "fault injected mid-phase", "produced", "via api", "lake lines", "distinct",
        "missing", "dupes", "tmp", "DLQ sent/uniq", "api", "recent", "catalog", "keys per master", "kafka/ing/redis", "s", "result");
    for (PhaseCounts p : phases) {
      out.printf(Locale.ROOT, FORMAT, p.phase(), p.fault(), fmt(p.produced()), fmt(p.viaApi()), fmt(p.lake().lines()),
          fmt(p.lake().distinct()), fmt(p.lake().missing()), fmt(p.lake().lines() - p.lake().distinct()), fmt(p.lake().tempFiles()),
          p.invalidSent() + "/" + p.deadLetters().distinct(), p.apiStatus() + (p.degraded() ? " degr" : " ok"),
          fmt(p.readerRecent()), fmt(p.catalog()),
          p.keysPerMaster().stream().map(PhaseCounts::fmt).collect(Collectors.joining("/")), p.up(),
          String.format(Locale.ROOT, "%.0f", p.seconds()), p.passed() ? "PASS" : "FAIL");
    }
  }

  private static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
