package com.eplly.api.events;

import com.eplly.api.config.EpllyProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Resilience4j guards of event intake: a circuit breaker around Kafka ({@value #KAFKA}) and a
 * bulkhead ({@value #INTAKE}) bounding how many request threads intake may hold. Their state is
 * exported as {@code resilience4j_*} meters.
 */
@Configuration(proxyBeanMethods = false)
class EventIntakeConfig {

  static final String KAFKA = "kafka";
  static final String INTAKE = "event-intake";

  private static final Logger log = LoggerFactory.getLogger(EventIntakeConfig.class);

  @Bean
  CircuitBreaker kafkaCircuitBreaker(EpllyProperties properties, MeterRegistry meters) {
    EpllyProperties.Breaker settings = properties.events().breaker();
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.window())
        .minimumNumberOfCalls(settings.minimumCalls())
        .failureRateThreshold(settings.failureRate())
        .waitDurationInOpenState(settings.openFor())
        .permittedNumberOfCallsInHalfOpenState(2)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    CircuitBreaker breaker = registry.circuitBreaker(KAFKA);
    // Refused events are logged at debug; the state changes are what an operator needs to see.
    breaker.getEventPublisher().onStateTransition(e ->
        log.warn("Kafka circuit breaker {}", e.getStateTransition()));
    return breaker;
  }

  @Bean
  Bulkhead eventIntakeBulkhead(EpllyProperties properties, MeterRegistry meters) {
    BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.custom()
        .maxConcurrentCalls(properties.events().maxConcurrent())
        .maxWaitDuration(Duration.ZERO)
        .build());
    TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
    return registry.bulkhead(INTAKE);
  }
}
