package com.eplly.contracts.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinuteTrafficTest {

  @Test
  void percentilesOfTheSummedHistogramsAreThoseOfAllRequestsToTheBucket() {
    Random random = new Random(7);
    // a fast instance and one with a slow tail, as two api instances behind one balancer
    long[] fast = LongStream.range(0, 3_000).map(i -> 300_000 + (long) (random.nextDouble() * 900_000)).toArray();
    long[] slow = LongStream.range(0, 1_000)
        .map(i -> random.nextDouble() < 0.03 ? 40_000_000 + random.nextInt(60_000_000) : 800_000 + random.nextInt(2_000_000))
        .toArray();

    MinuteTraffic sum = viaRedisHash(histogram(fast), histogram(slow));
    long[] all = LongStream.concat(Arrays.stream(fast), Arrays.stream(slow)).sorted().toArray();

    for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
      long exact = all[(int) Math.ceil(q * all.length) - 1];
      int bucket = LatencyBuckets.index(exact);
      assertEquals(LatencyBuckets.upperMillis(bucket), sum.latencyMillis(q), "q=" + q);
      assertTrue(LatencyBuckets.lowerMillis(bucket) < exact / 1e6 && exact / 1e6 <= sum.latencyMillis(q),
          "q=" + q + ": the exact " + exact / 1e6 + " ms lies in the answered bucket");
    }
    // what summing is for: the mean of the instances' p99s is not the p99 of their requests
    double meanOfP99s = (histogram(fast).latencyMillis(0.99) + histogram(slow).latencyMillis(0.99)) / 2;
    int p99Bucket = LatencyBuckets.index(all[(int) Math.ceil(0.99 * all.length) - 1]);
    assertFalse(LatencyBuckets.lowerMillis(p99Bucket) < meanOfP99s && meanOfP99s <= LatencyBuckets.upperMillis(p99Bucket));
    assertEquals(4_000, sum.requests());
  }

  @Test
  void bucketsIncludeTheirUpperBoundAndOverflowPastTheLast() {
    assertEquals(0, LatencyBuckets.index(0));
    assertEquals(0, LatencyBuckets.index(100_000));
    assertEquals(1, LatencyBuckets.index(100_001));
    assertEquals(LatencyBuckets.COUNT - 1, LatencyBuckets.index(60_000_000_000L));
    assertEquals(10_000.0, LatencyBuckets.upperMillis(LatencyBuckets.COUNT - 1));
  }

  @Test
  void anEmptyMinuteHasNoPercentileAndNoFields() {
    assertNull(MinuteTraffic.empty().latencyMillis(0.5));
    assertTrue(MinuteTraffic.empty().fields().isEmpty());
    assertEquals(MinuteTraffic.empty(), MinuteTraffic.of(Map.of()));
  }

  @Test
  void itemsAndDegradedAnswersAddUpLikeLatency() {
    MinuteTraffic a = new MinuteTraffic(10, 1, new long[LatencyBuckets.COUNT], Map.of("popular", 6L, "trending", 2L));
    MinuteTraffic b = new MinuteTraffic(5, 0, new long[LatencyBuckets.COUNT], Map.of("popular", 4L));

    MinuteTraffic sum = viaRedisHash(a, b);

    assertEquals(15, sum.requests());
    assertEquals(1, sum.degraded());
    assertEquals(Map.of("popular", 10L, "trending", 2L), sum.items());
  }

  private static MinuteTraffic histogram(long[] nanos) {
    long[] buckets = new long[LatencyBuckets.COUNT];
    for (long n : nanos) {
      buckets[LatencyBuckets.index(n)]++;
    }
    return new MinuteTraffic(nanos.length, 0, buckets, Map.of());
  }

  /** What two instances' HINCRBYs of their fields leave in the minute's hash, read back. */
  private static MinuteTraffic viaRedisHash(MinuteTraffic... instances) {
    Map<String, String> hash = new HashMap<>();
    for (MinuteTraffic m : instances) {
      m.fields().forEach((field, n) -> hash.merge(field, Long.toString(n), (x, y) -> Long.toString(Long.parseLong(x) + Long.parseLong(y))));
    }
    return MinuteTraffic.of(hash);
  }
}
