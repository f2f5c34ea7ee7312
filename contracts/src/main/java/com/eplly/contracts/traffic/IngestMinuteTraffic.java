package com.eplly.contracts.traffic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One minute of ingest, from one instance or merged over all of them in
 * {@code Keyspace.ingestTraffic(minute)}: counts are added (HINCRBY), the rest keeps its maximum,
 * which is what several instances mean together: the largest lag any consumer of a partition saw,
 * the newest event any instance made durable. Absent fields are 0 (counts) or unknown.
 *
 * @param events      records accepted per topic
 * @param deadLetters records sent to the dead-letter topic per source topic
 * @param lag         consumer lag in records per partition ({@link #partition}), at the minute's end
 * @param newest      epoch milliseconds of the newest event per stage ({@link #LAKE}, {@link #LIVE})
 */
public record IngestMinuteTraffic(Map<String, Long> events, Map<String, Long> deadLetters, Map<String, Long> lag,
    Map<String, Long> newest) {

  /** Stage: page views written to the lake (durable). */
  public static final String LAKE = "lake";
  /** Stage: page views applied to the live state in Redis. */
  public static final String LIVE = "live";

  private static final String EVENTS = "events.";
  private static final String DEAD_LETTERS = "deadLetters.";
  private static final String LAG = "lag.";
  private static final String NEWEST = "newest.";

  public IngestMinuteTraffic {
    events = Map.copyOf(events);
    deadLetters = Map.copyOf(deadLetters);
    lag = Map.copyOf(lag);
    newest = Map.copyOf(newest);
  }

  /** A partition's name in {@link #lag}: {@code topic-partition}, as Kafka's own tools print it. */
  public static String partition(String topic, int partition) {
    return topic + "-" + partition;
  }

  /** The fields to add to the minute's hash (non-zero counts). */
  public Map<String, Long> sums() {
    Map<String, Long> fields = new LinkedHashMap<>();
    events.forEach((topic, n) -> putNonZero(fields, EVENTS + topic, n));
    deadLetters.forEach((topic, n) -> putNonZero(fields, DEAD_LETTERS + topic, n));
    return fields;
  }

  /** The fields whose stored value is replaced only by a larger one. */
  public Map<String, Long> maxima() {
    Map<String, Long> fields = new LinkedHashMap<>();
    lag.forEach((partition, n) -> fields.put(LAG + partition, n));
    newest.forEach((stage, at) -> fields.put(NEWEST + stage, at));
    return fields;
  }

  /** Reads a minute's hash. Unknown fields are ignored. */
  public static IngestMinuteTraffic of(Map<String, String> hash) {
    Map<String, Long> events = new TreeMap<>();
    Map<String, Long> deadLetters = new TreeMap<>();
    Map<String, Long> lag = new TreeMap<>();
    Map<String, Long> newest = new TreeMap<>();
    hash.forEach((field, value) -> {
      Map<String, Long> target = field.startsWith(EVENTS) ? events
          : field.startsWith(DEAD_LETTERS) ? deadLetters
          : field.startsWith(LAG) ? lag
          : field.startsWith(NEWEST) ? newest : null;
      if (target != null) {
        target.put(field.substring(field.indexOf('.') + 1), Long.parseLong(value));
      }
    });
    return new IngestMinuteTraffic(events, deadLetters, lag, newest);
  }

  private static void putNonZero(Map<String, Long> fields, String field, long n) {
    if (n != 0) {
      fields.put(field, n);
    }
  }
}
