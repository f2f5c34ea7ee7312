package com.eplly.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.redis.RedisSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A real producer with no broker behind it: the publisher must give up within the ack timeout with
 * a clear error, and once the breaker has seen enough failures, refuse at once.
 */
class PageViewPublisherTest {

  @Test
  void failsFastWhenNoBrokerAnswers() throws IOException {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + deadPort,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 100,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000),
        new StringSerializer(), new ByteArraySerializer());
    EpllyProperties.Breaker breakerSettings = new EpllyProperties.Breaker(50, 4, 2, Duration.ofSeconds(30));
    EpllyProperties props = new EpllyProperties(
        RedisSettings.of("localhost", 6379, Duration.ofMillis(100)),
        null, new EpllyProperties.Events(Duration.ofMillis(150), Duration.ofSeconds(5), 8, breakerSettings,
            new EpllyProperties.RateLimit(false, 1, 1, 1, 1, 10, 0), Duration.ZERO), null, null);
    CircuitBreaker breaker = CircuitBreaker.of("kafka", CircuitBreakerConfig.custom()
        .slidingWindowSize(breakerSettings.window()).minimumNumberOfCalls(breakerSettings.minimumCalls())
        .waitDurationInOpenState(breakerSettings.openFor()).build());
    PageViewPublisher publisher = new PageViewPublisher(
        new KafkaTemplate<>(factory), new EventCodec(Clock.systemUTC()), breaker, props);
    PageView view = new PageView(UUID.randomUUID().toString(), "r-1", "a-1", "s-1",
        System.currentTimeMillis(), null, null);

    try {
      for (int i = 0; i < breakerSettings.minimumCalls(); i++) {
        // bounded by max.block.ms (100 ms), not by the delivery or ack timeouts: the send gives up
        // waiting for the topic's metadata (the cause says how long it waited, so no clock is needed)
        assertThatThrownBy(() -> publisher.publish(view))
            .isInstanceOf(UnavailableException.class)
            .hasMessageContaining("event stream is unavailable")
            .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class)
            .rootCause().hasMessageContaining("after 100 ms");
      }
      assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
      // open: refused without a send at all
      assertThatThrownBy(() -> publisher.publish(view))
          .isInstanceOfSatisfying(UnavailableException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(breakerSettings.openFor()))
          .hasCauseInstanceOf(io.github.resilience4j.circuitbreaker.CallNotPermittedException.class);
    } finally {
      factory.destroy();
    }
  }
}
