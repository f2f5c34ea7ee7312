package com.eplly.bench.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a dead-letter topic from its start, looking for the record with a given key; polled
 * repeatedly by the caller, which bounds the wait.
 */
final class DeadLetterProbe implements AutoCloseable {

  /**
   * A dead-lettered record.
   *
   * @param valueBytes size of its value
   * @param headers    its headers, {@code name=value} (long or binary values shortened)
   */
  record Found(int valueBytes, List<String> headers) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final String key;
  private final byte[] eventId;
  private Found found;

  /** Looks for a record with this key, or whose value starts with this eventId (a truncated copy keeps its head). */
  DeadLetterProbe(String bootstrapServers, String topic, String key, String eventId) {
    this.key = key;
    this.eventId = eventId.getBytes(StandardCharsets.US_ASCII);
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024,
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024),
        new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls once (up to {@code wait}); returns the record once seen, else null. */
  Found poll(Duration wait) {
    if (found != null) {
      return found;
    }
    for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
      if (key.equals(r.key()) || startsWithEventId(r.value())) {
        List<String> headers = new ArrayList<>();
        for (Header h : r.headers()) {
          headers.add(h.key() + "=" + shortValue(h.value()));
        }
        found = new Found(r.value() == null ? 0 : r.value().length, headers);
      }
    }
    return found;
  }

  private boolean startsWithEventId(byte[] value) {
    if (value == null) {
      return false;
    }
    String head = new String(value, 0, Math.min(value.length, 256), StandardCharsets.US_ASCII);
    return head.contains(new String(eventId, StandardCharsets.US_ASCII));
  }

  private static String shortValue(byte[] v) {
    if (v == null) {
      return "null";
    }
    String s = new String(v, StandardCharsets.UTF_8);
    boolean printable = s.chars().allMatch(c -> c >= 32 && c < 127);
    if (!printable) {
      return "<" + v.length + " bytes>";
    }
    return s.length() > 70 ? s.substring(0, 67) + "..." : s;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
