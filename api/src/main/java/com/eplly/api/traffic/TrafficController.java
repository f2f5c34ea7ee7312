package com.eplly.api.traffic;

import com.eplly.api.config.OpenApiConfig;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.traffic.MinuteTraffic;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import redis.clients.jedis.exceptions.JedisException;

/** {@code GET /v1/admin/traffic}: the console's traffic and health charts. Guarded by the admin key. */
@RestController
@Tag(name = "traffic", description = "Per-minute traffic of all api instances; needs the X-Api-Key header")
@SecurityRequirement(name = OpenApiConfig.ADMIN_KEY)
public class TrafficController {

  /** What the keys' TTL keeps, with a margin. */
  static final int MAX_MINUTES = (int) Keyspace.API_TRAFFIC_TTL.toMinutes() - 10;

  private final TrafficSeries series;

  public TrafficController(TrafficSeries series) {
    this.series = series;
  }

  @Operation(summary = "The recommendation endpoint per minute, summed over every api instance: requests/s,"
      + " p50/p99 latency (upper bound of a fixed bucket), degraded share, items per reason")
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
    List<TrafficReport.Point> points = last.stream().map(m -> {
      MinuteTraffic t = m.traffic();
      reasons.addAll(t.items().keySet());
      return new TrafficReport.Point(Instant.ofEpochSecond(m.epochMinute() * 60), t.requests(),
          t.requests() / 60.0, t.latencyMillis(0.5), t.latencyMillis(0.99),
          t.requests() == 0 ? null : (double) t.degraded() / t.requests(), t.items());
    }).toList();
    return new TrafficReport(minutes, List.copyOf(reasons), points);
  }
}
