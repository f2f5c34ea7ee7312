package com.eplly.api.events;

import com.eplly.api.config.EpllyProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Token buckets of {@code POST /v1/events}, one per client address and one per readerId (Bucket4j),
 * kept in size-bounded Caffeine maps so a flood of distinct addresses or ids costs bounded memory.
 */
@Component
public class EventRateLimits {

  private final EpllyProperties.RateLimit settings;
  private final TimeMeter time;
  private final Cache<String, Bucket> clients;
  private final Cache<String, Bucket> readers;

  public EventRateLimits(EpllyProperties properties, Clock clock) {
    this.settings = properties.events().rateLimit();
    this.time = new ClockTimeMeter(clock);
    this.clients = buckets(settings.perClient(), settings.perClientBurst());
    this.readers = buckets(settings.perReader(), settings.perReaderBurst());
  }

  /** Whether the limits apply at all ({@code eplly.events.rate-limit.enabled}). */
  public boolean enabled() {
    return settings.enabled();
  }

  /** Takes one event from the client's bucket; empty when allowed, else how long to wait. */
  public Optional<Duration> takeClient(HttpServletRequest request) {
    return take(clients, clientOf(request), settings.perClient(), settings.perClientBurst());
  }

  /** Takes one event from the reader's bucket; empty when allowed, else how long to wait. */
  public Optional<Duration> takeReader(String readerId) {
    return take(readers, readerId, settings.perReader(), settings.perReaderBurst());
  }

  /**
   * The address a request comes from: the connection's peer, or, behind {@code trustedProxies}
   * proxies that each append to {@code X-Forwarded-For}, the address the outermost one saw.
   * Entries left of that one are whatever the client wrote, so they are never used.
   */
  String clientOf(HttpServletRequest request) {
    int proxies = settings.trustedProxies();
    if (proxies == 0) {
      return request.getRemoteAddr();
    }
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    if (hops.isEmpty()) {
      return request.getRemoteAddr();
    }
    return hops.get(Math.max(0, hops.size() - proxies));
  }

  private Optional<Duration> take(Cache<String, Bucket> cache, String key, long perSecond, long burst) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    Bucket bucket = cache.get(key, k -> Bucket.builder()
        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
        .withCustomTimePrecision(time)
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /**
   * A bucket idle for the time it takes to refill completely is full again, so forgetting it then
   * changes nothing for its owner.
   */
  private Cache<String, Bucket> buckets(long perSecond, long burst) {
    Duration refill = Duration.ofMillis(Math.max(1000, (1000 * burst + perSecond - 1) / perSecond));
    return Caffeine.newBuilder()
        .maximumSize(settings.maxTracked())
        .expireAfterAccess(refill.plusSeconds(1))
        .build();
  }

  /** Bucket4j time read from the api's {@link Clock}, so tests can move it. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
