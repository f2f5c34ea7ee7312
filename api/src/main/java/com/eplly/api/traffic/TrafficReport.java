package com.eplly.api.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/admin/traffic}: the recommendation endpoint and ingest per minute,
 * merged over every api and every ingest instance.
 *
 * @param minutes    how many minutes, the newest complete one last
 * @param reasons    every reason that supplied an item in any of them, for a stable chart legend
 * @param topics     every topic ingest accepted or dead-lettered records of in any of them
 * @param partitions every partition ({@code topic-partition}) with a known lag in any of them
 * @param points     one per minute, oldest first
 */
public record TrafficReport(int minutes, List<String> reasons, List<String> topics, List<String> partitions,
    List<Point> points) {

  /**
   * One minute. Latencies are the upper bound of the fixed bucket holding the percentile, null
   * (like the degraded share) in a minute without requests.
   *
   * @param minute            the minute's start
   * @param requestsPerSecond requests / 60
   * @param items             items served per reason
   * @param ingest            what ingest did in the same minute
   */
  public record Point(Instant minute, long requests, double requestsPerSecond, Double p50Ms, Double p99Ms,
      Double degradedShare, Map<String, Long> items, Ingest ingest) {}

  /**
   * Ingest in one minute. Ages are taken at the minute's end; null when no ingest instance reported
   * the stage in that minute.
   *
   * @param eventsPerSecond     records accepted per topic, / 60
   * @param deadLetters         records sent to the dead-letter topics per source topic
   * @param lag                 consumer lag in records per partition at the minute's end (the largest
   *                            any consumer group of any instance reported)
   * @param lakeAgeSeconds      age of the newest page view written to the lake
   * @param liveAgeSeconds      age of the newest page view applied to the live state
   */
  public record Ingest(Map<String, Double> eventsPerSecond, Map<String, Long> deadLetters, Map<String, Long> lag,
      Double lakeAgeSeconds, Double liveAgeSeconds) {}
}
