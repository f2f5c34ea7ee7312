package com.eplly.ingest.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Binds each consumer's Kafka client metrics to Micrometer, as Boot's {@code MicrometerConsumerListener}
 * does, but looks for new metrics every {@link #REFRESH} instead of every 60 s: per-partition ones
 * ({@code kafka.consumer.fetch.manager.records.lag}, tags topic and partition) only exist once a
 * partition was fetched, and a stuck partition's lag should show within seconds.
 */
public final class ConsumerLagMetrics<K, V> implements ConsumerFactory.Listener<K, V>, AutoCloseable {

  /** How often new client metrics (a newly fetched partition) are looked for. */
  public static final Duration REFRESH = Duration.ofSeconds(10);

  private final MeterRegistry registry;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "kafka-client-metrics");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

  public ConsumerLagMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void consumerAdded(String id, Consumer<K, V> consumer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, List.of(Tag.of("spring.id", id)), scheduler, REFRESH);
    metrics.bindTo(registry);
    bound.put(id, metrics);
  }

  @Override
  public void consumerRemoved(String id, Consumer<K, V> consumer) {
    KafkaClientMetrics metrics = bound.remove(id);
    if (metrics != null) {
      metrics.close();
    }
  }

  @Override
  public void close() {
    bound.values().forEach(KafkaClientMetrics::close);
    bound.clear();
    scheduler.shutdownNow();
  }
}
