package com.eplly.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The token buckets of event intake, on a clock the test moves (no sleeping). */
class EventRateLimitsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

  @Test
  void aClientGetsItsBurstThenWaitsForTheRefill() {
    EventRateLimits limits = limits(true, 0);
    MockHttpServletRequest client = request("10.0.0.1");

    for (int i = 0; i < 40; i++) {
      assertThat(limits.takeClient(client)).as("event %d of the burst", i).isEmpty();
    }
    Optional<Duration> wait = limits.takeClient(client);
    assertThat(wait).isPresent();
    assertThat(wait.get()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(50)); // 20/s: one per 50 ms
    assertThat(limits.takeClient(request("10.0.0.2"))).as("another client").isEmpty();

    clock.advance(Duration.ofMillis(50));
    assertThat(limits.takeClient(client)).isEmpty();
    assertThat(limits.takeClient(client)).isPresent();
    clock.advance(Duration.ofSeconds(2));
    for (int i = 0; i < 40; i++) {
      assertThat(limits.takeClient(client)).isEmpty();
    }
  }

  @Test
  void aReaderIsLimitedWhateverTheClient() {
    EventRateLimits limits = limits(true, 0);
    for (int i = 0; i < 10; i++) {
      assertThat(limits.takeReader("r-1")).isEmpty();
    }
    assertThat(limits.takeReader("r-1")).hasValueSatisfying(
        wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(200)));
    assertThat(limits.takeReader("r-2")).isEmpty();
  }

  @Test
  void forwardedForIsOnlyBelievedBehindTrustedProxies() {
    MockHttpServletRequest forged = request("10.0.0.9");
    forged.addHeader("X-Forwarded-For", "1.1.1.1, 203.0.113.7");

    assertThat(limits(true, 0).clientOf(forged)).isEqualTo("10.0.0.9");
    // one proxy appending: the last hop is what it saw; the client wrote everything left of it
    assertThat(limits(true, 1).clientOf(forged)).isEqualTo("203.0.113.7");
    assertThat(limits(true, 2).clientOf(forged)).isEqualTo("1.1.1.1");
    assertThat(limits(true, 1).clientOf(request("10.0.0.9"))).isEqualTo("10.0.0.9");
  }

  @Test
  void disabledLimitsNeverRefuse() {
    EventRateLimits limits = limits(false, 0);
    for (int i = 0; i < 1000; i++) {
      assertThat(limits.takeClient(request("10.0.0.1"))).isEmpty();
      assertThat(limits.takeReader("r-1")).isEmpty();
    }
  }

  private EventRateLimits limits(boolean enabled, int trustedProxies) {
    EpllyProperties.RateLimit rate = new EpllyProperties.RateLimit(enabled, 20, 40, 5, 10, 1000, trustedProxies);
    EpllyProperties properties = new EpllyProperties(null, null,
        new EpllyProperties.Events(Duration.ofMillis(150), Duration.ofSeconds(5), 32,
            new EpllyProperties.Breaker(50, 20, 5, Duration.ofSeconds(5)), rate, Duration.ZERO), null, null);
    return new EventRateLimits(properties, clock);
  }

  private static MockHttpServletRequest request(String remoteAddress) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/events");
    request.setRemoteAddr(remoteAddress);
    return request;
  }
}
