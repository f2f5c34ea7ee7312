package com.eplly.deploy.demo;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer settings for demo and test traffic: string keys, raw JSON bytes, acknowledged by all. */
public final class DemoProducer {

  private DemoProducer() {}

  public static Producer<String, byte[]> create(String bootstrapServers) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024,
        ProducerConfig.CLIENT_ID_CONFIG, "eplly-demo"),
        new StringSerializer(), new ByteArraySerializer());
  }
}
