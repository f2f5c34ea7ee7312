package com.eplly.bench.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints how many records a topic holds: the sum of its partitions' end offsets, which is the
 * record count while nothing was deleted and no transaction wrote markers (the api's producers are
 * idempotent, not transactional).
 *
 * <p>Usage: {@code TopicRecords BOOTSTRAP TOPIC}
 */
public final class TopicRecords {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private TopicRecords() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: TopicRecords BOOTSTRAP TOPIC");
      System.exit(2);
    }
    String topic = args[1];
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .toList();
      System.out.println(consumer.endOffsets(partitions, TIMEOUT).values().stream().mapToLong(Long::longValue).sum());
    }
  }
}
