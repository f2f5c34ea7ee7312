package com.eplly.api.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/admin/traffic}: the recommendation endpoint per minute, summed over
 * every api instance.
 *
 * @param minutes how many minutes, the newest complete one last
 * @param reasons every reason that supplied an item in any of them, for a stable chart legend
 * @param points  one per minute, oldest first
 */
public record TrafficReport(int minutes, List<String> reasons, List<Point> points) {

  /**
   * One minute. Latencies are the upper bound of the fixed bucket holding the percentile, null
   * (like the degraded share) in a minute without requests.
   *
   * @param minute            the minute's start
   * @param requestsPerSecond requests / 60
   * @param items             items served per reason
   */
  public record Point(Instant minute, long requests, double requestsPerSecond, Double p50Ms, Double p99Ms,
      Double degradedShare, Map<String, Long> items) {}
}
