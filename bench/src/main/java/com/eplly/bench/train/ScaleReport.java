package com.eplly.bench.train;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The benchmark's table and its {@code scaling} line: cost ratios between sizes next to size ratios. */
final class ScaleReport {

  private ScaleReport() {}

  static void print(List<SizeResult> results, String heap, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "%-6s %11s %9s %9s %8s %8s %9s %8s %9s %9s %9s%n", "size", "events", "readers", "articles",
        "gen s", "train s", "s/1M ev", "job s", "cpu s", "cpu/1M", "peak RSS");
    for (SizeResult r : results) {
      out.printf(Locale.ROOT, "%-6s %,11d %,9d %,9d %8.1f %8.1f %9.1f %8.1f %9.1f %9.1f %8.2fG%n",
          Sizes.label(r.pageViews()), r.events(), r.readers(), r.articles(), r.generate().wallSeconds(),
          r.train().wallSeconds(), r.trainSecondsPerMillion(), r.jobSeconds(), r.train().cpuSeconds(),
          r.cpuSecondsPerMillion(), r.train().peakRssBytes() / (double) (1L << 30));
    }
    out.println(scalingLine(results));
    out.println("train: reco train (no publish) in a fresh JVM, Spark local[2], -Xmx" + heap
        + "; train s = wall incl. JVM/Spark start, job s = model.json trainSeconds, cpu s = the child's user+system"
        + " CPU, peak RSS = the child's VmHWM");
  }

  /**
   * {@code scaling 3M/1M: cost x3.10 (cpu x2.95) for x3.00 events; ...}: growth is no worse than
   * linear while each cost ratio stays near or under its events ratio.
   */
  static String scalingLine(List<SizeResult> results) {
    if (results.size() < 2) {
      return "scaling: needs two sizes";
    }
    StringBuilder b = new StringBuilder("scaling");
    for (int i = 1; i < results.size(); i++) {
      SizeResult small = results.get(i - 1);
      SizeResult big = results.get(i);
      b.append(i == 1 ? " " : "; ").append(String.format(Locale.ROOT, "%s/%s: cost x%.2f (cpu x%.2f) for x%.2f events",
          Sizes.label(big.pageViews()), Sizes.label(small.pageViews()),
          big.train().wallSeconds() / small.train().wallSeconds(), big.train().cpuSeconds() / small.train().cpuSeconds(),
          (double) big.events() / small.events()));
    }
    return b.toString();
  }
}
