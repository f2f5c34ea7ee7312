package com.eplly.api.support;

import com.eplly.api.audit.AuditLog;
import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.InternalErrors;
import com.eplly.api.events.EventOriginPolicy;
import com.eplly.api.events.EventRateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What every {@code @WebMvcTest} slice of the api needs besides its controller: the beans of the
 * filters, interceptors and configurers a slice always loads (request ids, event origin and
 * client-rate checks, the admin key and audit, CORS), an in-memory meter registry to read counts from, and a
 * clock that stands still (rate-limit buckets never refill during a test).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(EpllyProperties.class)
@Import({EventOriginPolicy.class, EventRateLimits.class, InternalErrors.class})
public class WebSlice {

  /** The instant of {@link #clock()}. */
  public static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  /** The admin endpoints' audit, stubbed: a slice has no Kafka. Tests may verify what it was given. */
  @Bean
  AuditLog auditLog() {
    return Mockito.mock(AuditLog.class);
  }

  @Bean
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
