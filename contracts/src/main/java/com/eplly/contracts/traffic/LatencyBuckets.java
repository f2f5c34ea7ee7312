package com.eplly.contracts.traffic;

import java.util.Arrays;

/**
 * The fixed latency buckets every api instance counts its requests in, so that the counts of all
 * instances add up bucket by bucket and a percentile of the sum is exact to the bucket (a mean of
 * per-instance percentiles is not a percentile of anything). Upper bounds in microseconds,
 * inclusive; one last bucket takes everything slower than the last bound.
 */
public final class LatencyBuckets {

  /**
   * Finer where the recommendation endpoint answers (0.1-5 ms, 0.1 ms steps up to 1 ms), coarser in
   * the tail; changing them splits the meaning of stored counts, so append, never edit.
   */
  private static final long[] UPPER_MICROS = {
      100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000, 1_200, 1_400, 1_600, 1_800, 2_000, 2_500, 3_000,
      3_500, 4_000, 5_000, 6_000, 7_000, 8_000, 10_000, 12_500, 15_000, 20_000, 25_000, 30_000, 40_000,
      50_000, 75_000, 100_000, 150_000, 200_000, 300_000, 500_000, 750_000, 1_000_000, 2_000_000, 5_000_000,
      10_000_000};

  /** Bounded buckets plus the overflow one. */
  public static final int COUNT = UPPER_MICROS.length + 1;

  private LatencyBuckets() {}

  /** The bucket of one request's latency. */
  public static int index(long nanos) {
    long micros = Math.max(0, (nanos + 999) / 1_000);
    int i = Arrays.binarySearch(UPPER_MICROS, micros);
    return i >= 0 ? i : -i - 1;
  }

  /** A bucket's upper bound in milliseconds; the overflow bucket answers the last bound (a floor). */
  public static double upperMillis(int bucket) {
    return UPPER_MICROS[Math.min(bucket, UPPER_MICROS.length - 1)] / 1_000.0;
  }

  /** A bucket's lower bound in milliseconds (exclusive). */
  public static double lowerMillis(int bucket) {
    return bucket == 0 ? 0.0 : UPPER_MICROS[bucket - 1] / 1_000.0;
  }

  /**
   * The {@code q} quantile (nearest rank: the smallest latency with at least {@code q} of the
   * requests at or below it) of summed bucket counts, as the upper bound of its bucket; null with
   * no request.
   */
  public static Double percentileMillis(long[] counts, double q) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return upperMillis(i);
      }
    }
    throw new IllegalStateException("unreachable: rank " + rank + " of " + total);
  }
}
