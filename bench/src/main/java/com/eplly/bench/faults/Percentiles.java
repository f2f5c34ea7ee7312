package com.eplly.bench.faults;

import java.util.Collection;
import java.util.Locale;

/** Nearest-rank percentiles of latencies in milliseconds. */
public record Percentiles(int count, double p50, double p99, double max) {

  public static Percentiles of(Collection<Double> millis) {
    double[] s = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (s.length == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Percentiles(s.length, rank(s, 0.50), rank(s, 0.99), s[s.length - 1]);
  }

  private static double rank(double[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** {@code p50 12 ms, p99 80 ms} or {@code none}. */
  public String describe() {
    return count == 0 ? "none" : String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms", p50, p99);
  }

  @Override
  public String toString() {
    return count == 0 ? "none" : String.format(Locale.ROOT, "%s, max %.0f ms (n=%d)", describe(), max, count);
  }
}
