package com.eplly.api.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * With no broker to reach (a closed loopback port), a served event fails inside {@code send()} and is
 * counted as dropped at once, and the next ones within {@code pause-after-failure} are dropped without
 * a send; the clock is the test's, moved by hand.
 */
class ServedEventPublisherTest {

  private static final String SENDS = "test.sends";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicInteger sends = new AtomicInteger();
  private final EpllyProperties properties =
      new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("eplly", EpllyProperties.class);
  private ServedEventPublisher publisher;

  @AfterEach
  void close() {
    publisher.destroy();
  }

  @Test
  void aFailedSendIsCountedAndTheNextSendsOfThePauseAreNotTried() throws IOException {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // as application.yml: delivery.timeout.ms (eplly.served.delivery-timeout) must cover it
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500);
    config.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, List.of(CountingInterceptor.class));
    config.put(SENDS, sends);
    publisher = new ServedEventPublisher(new DefaultKafkaProducerFactory<>(config), new EventCodec(clock), clock,
        properties, meters);

    for (int i = 0; i < 3; i++) {
      publisher.publish(query(), answer());
    }
    assertThat(sends.get()).isEqualTo(1);
    assertThat(dropped()).isEqualTo(3);

    clock.advance(properties.served().pauseAfterFailure().plusMillis(1));
    publisher.publish(query(), answer());
    assertThat(sends.get()).isEqualTo(2);
    assertThat(dropped()).isEqualTo(4);
    assertThat(meters.counter("eplly.served.events.sent").count()).isZero();
  }

  private double dropped() {
    return meters.counter("eplly.served.events.dropped").count();
  }

  private RecommendationQuery query() {
    return RecommendationQuery.parse("a-0", "r-1", null, "2", null, properties.recommend());
  }

  private static RecommendationResponse answer() {
    return new RecommendationResponse(UUID.randomUUID().toString(),
        List.of(new RecommendedItem("a-1", "T", "https://news.example/a-1", 0.5, "popular")), "v-1", false, null, null);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Counts the sends the producer was asked for, into the counter passed in its configuration. */
  public static final class CountingInterceptor implements ProducerInterceptor<String, byte[]> {
    private AtomicInteger sends;

    @Override
    public void configure(Map<String, ?> configs) {
      sends = (AtomicInteger) configs.get(SENDS);
    }

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
      sends.incrementAndGet();
      return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}
  }
}
