package com.eplly.api.traffic;

import com.eplly.api.config.OpenApiConfig;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.traffic.IngestMinuteTraffic;
import com.eplly.contracts.traffic.MinuteTraffic;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import redis.clients.jedis.exceptions.JedisException;

/** {@code GET /v1/admin/traffic}: the console's traffic and health charts. Guarded by the admin key. */
@RestController
@Tag(name = "traffic", description = "Per-minute traffic of all api and ingest instances; needs the X-Api-Key header")
@SecurityRequirement(name = OpenApiConfig.ADMIN_KEY)
public class TrafficController {

  /** What the keys' TTL keeps, with a margin. */
  static final int MAX_MINUTES = (int) Keyspace.TRAFFIC_TTL.toMinutes() - 10;

  private final TrafficSeries series;

  public TrafficController(TrafficSeries series) {
    this.series = series;
  }

  @Operation(summary = "The recommendation endpoint and ingest per minute, over every api and ingest instance:"
      + " requests/s, p50/p99 latency (upper bound of a fixed bucket), degraded share, items per reason;"
      + " ingest events/s and dead letters per topic, consumer lag per partition, age of the newest event"
      + " in the lake and in the live state")
  @GetMapping("/v1/admin/traffic")
  public TrafficReport traffic(@RequestParam(defaultValue = "60") int minutes) {
    if (minutes < 1 || minutes > MAX_MINUTES) {
      throw new BadRequestException("minutes must be 1.." + MAX_MINUTES);
    }
    List<TrafficSeries.Minute> last;
    try {
      last = series.last(minutes);
    } catch (JedisException e) {
      throw new UnavailableException("the traffic figures (Redis) are unavailable, retry later", e);
    }
    TreeSet<String> reasons = new TreeSet<>();
    TreeSet<String> topics = new TreeSet<>();
    TreeSet<String> partitions = new TreeSet<>();
    List<TrafficReport.Point> points = last.stream().map(m -> {
      MinuteTraffic t = m.traffic();
      reasons.addAll(t.items().keySet());
      topics.addAll(m.ingest().events().keySet());
      topics.addAll(m.ingest().deadLetters().keySet());
      partitions.addAll(m.ingest().lag().keySet());
      Instant start = Instant.ofEpochSecond(m.epochMinute() * 60);
      return new TrafficReport.Point(start, t.requests(),
          t.requests() / 60.0, t.latencyMillis(0.5), t.latencyMillis(0.99),
          t.requests() == 0 ? null : (double) t.degraded() / t.requests(), t.items(),
          ingest(m.ingest(), start.plusSeconds(60)));
    }).toList();
    return new TrafficReport(minutes, List.copyOf(reasons), List.copyOf(topics), List.copyOf(partitions), points);
  }

  private static TrafficReport.Ingest ingest(IngestMinuteTraffic i, Instant end) {
    Map<String, Double> perSecond = new TreeMap<>();
    i.events().forEach((topic, n) -> perSecond.put(topic, n / 60.0));
    return new TrafficReport.Ingest(perSecond, new TreeMap<>(i.deadLetters()), new TreeMap<>(i.lag()),
        age(i.newest().get(IngestMinuteTraffic.LAKE), end), age(i.newest().get(IngestMinuteTraffic.LIVE), end));
  }

  /** Seconds from the newest event to the minute's end; an event dated ahead of the clock counts as fresh. */
  private static Double age(Long newestMillis, Instant end) {
    return newestMillis == null ? null : Math.max(0, end.toEpochMilli() - newestMillis) / 1000.0;
  }
}
