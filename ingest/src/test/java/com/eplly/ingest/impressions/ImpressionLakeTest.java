package com.eplly.ingest.impressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.event.ViewableImpression;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.ingest.monitoring.IngestMetrics;
import com.eplly.ingest.support.LiveIngestTest;
import com.eplly.ingest.support.TempLake;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Impression events against a real in-JVM broker and a throw-away lake: valid served and viewable
 * records land once in the lake's own folder, bad ones in the dead-letter topic with their reason,
 * and a replay with a fresh consumer group adds no file.
 */
@LiveIngestTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "eplly.ingest.retry.initial-interval=100ms",
    "eplly.ingest.retry.max-interval=400ms"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAGE_VIEWS, Topics.PAGE_VIEWS_DLQ, Topics.IMPRESSIONS,
    Topics.IMPRESSIONS_DLQ, Topics.ARTICLES, Topics.ARTICLES_DLQ})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImpressionLakeTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final long NOW = System.currentTimeMillis();
  private static final List<ImpressionEvent> EVENTS = events();
  private static final List<byte[]> BAD = List.of(
      "{\"kind\":\"clicked\"}".getBytes(StandardCharsets.UTF_8),
      ("{\"kind\":\"viewable\",\"requestId\":\"" + UUID.randomUUID() + "\",\"timestamp\":" + NOW
          + ",\"readerId\":\"r-1\",\"sessionId\":\"s-1\",\"articleIds\":[]}").getBytes(StandardCharsets.UTF_8));

  @Autowired TempLake lake;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired MeterRegistry meters;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory;
  @Autowired ImpressionListener impressionListener;

  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  @Test
  @Order(1)
  void validEventsReachTheLakeOnceAndBadOnesTheDeadLetterTopic() throws Exception {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    for (ImpressionEvent e : EVENTS) {
      out.add(new ProducerRecord<>(Topics.IMPRESSIONS, e.requestId(), codec.encode(e)));
    }
    BAD.forEach(b -> out.add(new ProducerRecord<>(Topics.IMPRESSIONS, "bad", b)));
    send(out);

    await().atMost(DEADLINE).until(() -> lake.lines(LakeLayout.IMPRESSIONS).size() >= EVENTS.size());
    List<ImpressionEvent> stored = new ArrayList<>();
    for (String line : lake.lines(LakeLayout.IMPRESSIONS)) {
      stored.add(((Decoded.Valid<ImpressionEvent>) codec.decodeImpression(line.getBytes(StandardCharsets.UTF_8))).value());
    }
    assertThat(stored).containsExactlyInAnyOrderElementsOf(EVENTS);

    List<ConsumerRecord<String, byte[]>> dlq = readAll(Topics.IMPRESSIONS_DLQ, BAD.size());
    Set<String> reasons = new HashSet<>();
    dlq.forEach(r -> reasons.add(new String(r.headers().lastHeader(Topics.REASON_HEADER).value(), StandardCharsets.UTF_8)));
    assertThat(dlq).hasSize(BAD.size());
    assertThat(reasons).anyMatch(r -> r.startsWith("kind must be")).anyMatch(r -> r.contains("articleIds must list"));
  }

  @Test
  @Order(2)
  void aReplayWithAFreshGroupAddsNoFile() {
    listeners.getListenerContainer(ImpressionListener.ID).stop();
    List<Path> before = lake.files(LakeLayout.IMPRESSIONS);
    double skipped = counter(IngestMetrics.ALREADY_IN_LAKE);

    ConcurrentMessageListenerContainer<String, byte[]> replay = containerFactory.createContainer(Topics.IMPRESSIONS);
    replay.getContainerProperties().setGroupId("replay-" + UUID.randomUUID());
    replay.getContainerProperties().setMessageListener(
        (org.springframework.kafka.listener.BatchMessageListener<String, byte[]>) impressionListener::onBatch);
    replay.start();
    try {
      await().atMost(DEADLINE).until(() -> counter(IngestMetrics.ALREADY_IN_LAKE) >= skipped + EVENTS.size());
    } finally {
      replay.stop();
    }
    assertThat(lake.files(LakeLayout.IMPRESSIONS)).containsExactlyInAnyOrderElementsOf(before);
  }

  private double counter(String name) {
    return meters.find(name).tag("topic", Topics.IMPRESSIONS).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** 20 answers over the last two hours, every other one seen. */
  private static List<ImpressionEvent> events() {
    List<ImpressionEvent> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String requestId = UUID.randomUUID().toString();
      long t = NOW - Duration.ofHours(2).toMillis() + i * Duration.ofMinutes(6).toMillis();
      List<ServedItem> items = List.of(new ServedItem("a-" + i, 1, "read-together"), new ServedItem("a-" + (i + 1), 2, "popular"));
      events.add(new ServedEvent(requestId, t, "r-" + (i % 4), "s-" + i, "a-0", "v-1", null, null, false, items));
      if (i % 2 == 0) {
        events.add(new ViewableImpression(requestId, t + 1500, "r-" + (i % 4), "s-" + i, List.of("a-" + i, "a-" + (i + 1))));
      }
    }
    return events;
  }

  private void send(List<ProducerRecord<String, byte[]>> records) throws Exception {
    Map<String, Object> props = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (ProducerRecord<String, byte[]> r : records) {
        producer.send(r);
      }
      producer.flush();
    }
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
    Map<String, Object> props = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> parts = List.of(new TopicPartition(topic, 0));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      consumer.poll(Duration.ofMillis(300)).forEach(out::add); // anything beyond the expected count
    }
    return out;
  }
}
