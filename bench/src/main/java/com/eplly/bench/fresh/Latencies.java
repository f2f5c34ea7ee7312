package com.eplly.bench.fresh;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Percentiles of one freshness measure, in milliseconds; samples that hit the deadline count as misses.
 *
 * @param name    what was measured
 * @param samples milliseconds until the change was visible (deadline value for misses)
 * @param misses  samples that never became visible before the deadline
 */
public record Latencies(String name, double[] samples, int misses) {

  public static Latencies of(String name, List<Poll.Outcome> outcomes) {
    double[] ms = outcomes.stream().mapToDouble(Poll.Outcome::millis).sorted().toArray();
    int misses = (int) outcomes.stream().filter(o -> !o.seen()).count();
    return new Latencies(name, ms, misses);
  }

  /** Nearest-rank percentile, {@code p} in (0, 100]. */
  public double percentile(double p) {
    if (samples.length == 0) {
      return Double.NaN;
    }
    double[] s = samples.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.length);
    return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
  }

  public double max() {
    return samples.length == 0 ? Double.NaN : Arrays.stream(samples).max().orElse(Double.NaN);
  }

  public String line() {
    return String.format(Locale.ROOT, "%-44s n=%-4d p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms  misses %d",
        name, samples.length, percentile(50), percentile(99), max(), misses);
  }
}
