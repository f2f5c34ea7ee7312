package com.eplly.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** A real producer with no broker behind it: the publisher must give up quickly with a clear error. */
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
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000),
        new StringSerializer(), new ByteArraySerializer());
    EpllyProperties props = new EpllyProperties(
        new EpllyProperties.Redis("localhost", 6379, Duration.ofMillis(100), 4, List.of()),
        null, new EpllyProperties.Events(Duration.ofSeconds(2)), null, null);
    PageViewPublisher publisher =
        new PageViewPublisher(new KafkaTemplate<>(factory), new EventCodec(Clock.systemUTC()), props);
    PageView view = new PageView(UUID.randomUUID().toString(), "r-1", "a-1", "s-1",
        System.currentTimeMillis(), null, null);

    long start = System.nanoTime();
    try {
      assertThatThrownBy(() -> publisher.publish(view))
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("event stream is unavailable");
    } finally {
      factory.destroy();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }
}
