package com.eplly.api.config;

import org.apache.kafka.clients.producer.Producer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * A Kafka producer of one's own, created on first use so that the api starts without a broker (or
 * a resolvable one), then kept: the factory's own lookup takes a lock on every call.
 */
public final class LazyProducer implements AutoCloseable {

  private final DefaultKafkaProducerFactory<String, byte[]> factory;
  private volatile Producer<String, byte[]> producer;

  public LazyProducer(DefaultKafkaProducerFactory<String, byte[]> factory) {
    this.factory = factory;
  }

  /** @throws RuntimeException when the producer cannot be created (a bad bootstrap address) */
  public Producer<String, byte[]> get() {
    Producer<String, byte[]> current = producer;
    if (current == null) {
      synchronized (this) {
        if (producer == null) {
          producer = factory.createProducer();
        }
        current = producer;
      }
    }
    return current;
  }

  @Override
  public void close() {
    factory.destroy();
  }
}
