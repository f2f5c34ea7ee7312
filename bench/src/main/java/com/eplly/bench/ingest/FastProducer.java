package com.eplly.bench.ingest;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producer settings for loading millions of events quickly: big lz4 batches, still acknowledged by all. */
public final class FastProducer {

  private FastProducer() {}

  public static Producer<String, byte[]> create(String bootstrapServers) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
        ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
        ProducerConfig.CLIENT_ID_CONFIG, "eplly-bench"),
        new StringSerializer(), new ByteArraySerializer());
  }
}
