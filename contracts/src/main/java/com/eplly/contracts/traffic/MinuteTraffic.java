package com.eplly.contracts.traffic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One minute of the recommendation endpoint's traffic, from one api instance or summed over all of
 * them: what each instance adds to {@code Keyspace.apiTraffic(minute)} with HINCRBY, so the hash
 * holds the sum. Fields: {@value #REQUESTS}, {@value #DEGRADED}, {@code latency.{bucket}}
 * ({@link LatencyBuckets}), {@code items.{reason}}; absent fields are 0.
 *
 * @param requests answers served
 * @param degraded answers served from the last-known snapshot because Redis failed
 * @param latency  answers per {@link LatencyBuckets} bucket
 * @param items    items served per reason (wire name)
 */
public record MinuteTraffic(long requests, long degraded, long[] latency, Map<String, Long> items) {

  public static final String REQUESTS = "requests";
  public static final String DEGRADED = "degraded";
  private static final String LATENCY = "latency.";
  private static final String ITEMS = "items.";

  public MinuteTraffic {
    if (latency.length != LatencyBuckets.COUNT) {
      throw new IllegalArgumentException("expected " + LatencyBuckets.COUNT + " buckets, got " + latency.length);
    }
    latency = latency.clone();
    items = Map.copyOf(items);
  }

  public static MinuteTraffic empty() {
    return new MinuteTraffic(0, 0, new long[LatencyBuckets.COUNT], Map.of());
  }

  /** The non-zero fields, to be added to the minute's hash. */
  public Map<String, Long> fields() {
    Map<String, Long> fields = new LinkedHashMap<>();
    put(fields, REQUESTS, requests);
    put(fields, DEGRADED, degraded);
    for (int i = 0; i < latency.length; i++) {
      put(fields, LATENCY + i, latency[i]);
    }
    items.forEach((reason, n) -> put(fields, ITEMS + reason, n));
    return fields;
  }

  /** Reads a minute's hash (the sum of every instance's fields). Unknown fields are ignored. */
  public static MinuteTraffic of(Map<String, String> hash) {
    long[] latency = new long[LatencyBuckets.COUNT];
    Map<String, Long> items = new HashMap<>();
    hash.forEach((field, value) -> {
      if (field.startsWith(LATENCY)) {
        int bucket = Integer.parseInt(field.substring(LATENCY.length()));
        if (bucket < latency.length) {
          latency[bucket] = Long.parseLong(value);
        }
      } else if (field.startsWith(ITEMS)) {
        items.put(field.substring(ITEMS.length()), Long.parseLong(value));
      }
    });
    return new MinuteTraffic(count(hash, REQUESTS), count(hash, DEGRADED), latency, items);
  }

  /** The latency quantile in milliseconds, exact to its bucket; null with no request. */
  public Double latencyMillis(double q) {
    return LatencyBuckets.percentileMillis(latency, q);
  }

  @Override
  public long[] latency() {
    return latency.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinuteTraffic m && requests == m.requests && degraded == m.degraded
        && Arrays.equals(latency, m.latency) && items.equals(m.items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requests, degraded, Arrays.hashCode(latency), items);
  }

  @Override
  public String toString() {
    return "MinuteTraffic" + fields();
  }

  private static void put(Map<String, Long> fields, String name, long n) {
    if (n != 0) {
      fields.put(name, n);
    }
  }

  private static long count(Map<String, String> hash, String field) {
    String value = hash.get(field);
    return value == null ? 0 : Long.parseLong(value);
  }
}
