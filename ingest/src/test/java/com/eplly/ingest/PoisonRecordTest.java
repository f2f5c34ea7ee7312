package com.eplly.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import com.eplly.ingest.deadletter.DeadLetterRecoverer;
import com.eplly.ingest.pageviews.PageViewListener;
import com.eplly.ingest.support.LiveIngestTest;
import com.eplly.ingest.support.TempLake;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
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
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * No record stalls a partition, against a real in-JVM KRaft broker and redis-server: a page view the
 * broker accepts gzip-compressed but the dead-letter producer refuses (5 MB uncompressed, over its
 * 1 MB limit) is dead-lettered as a prefix with size and SHA-256 headers while the views behind it
 * reach the lake; a record the listener fails on permanently is found in its batch and dead-lettered
 * while the rest of the batch is processed.
 */
@LiveIngestTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "eplly.ingest.kafka.max-poll-records=100",
    "eplly.ingest.retry.initial-interval=100ms",
    "eplly.ingest.retry.max-interval=400ms",
    "eplly.ingest.summary-interval=5s"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAGE_VIEWS, Topics.PAGE_VIEWS_DLQ, Topics.ARTICLES, Topics.ARTICLES_DLQ})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonRecordTest {

  private static final Duration STALL_LIMIT = Duration.ofSeconds(30);
  private static final int POISON_BYTES = 5 * 1024 * 1024;

  @Autowired TempLake lake;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory;
  @Autowired PageViewListener pageViewListener;
  @LocalManagementPort int managementPort;

  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  @Test
  @Order(1)
  void aRecordTheDeadLetterTopicRefusesIsKeptTruncatedAndTheViewsBehindItReachTheLake() throws Exception {
    // compresses to a few KB, which the broker checks; the DLQ producer checks the 5 MB it would send
    byte[] poison = new byte[POISON_BYTES];
    byte[] pattern = "{\"eventId\":\"x\",\"note\":\"0123456789abcdef\"}".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < poison.length; i++) {
      poison[i] = pattern[i % pattern.length];
    }
    poison[poison.length - 1] = '!'; // the hash must cover the bytes past the kept prefix
    long now = System.currentTimeMillis();
    List<PageView> valid = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      valid.add(new PageView(UUID.randomUUID().toString(), "poison-reader", "art-" + i, "poison-session", now + i, null, 1_000L));
    }
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    out.add(new ProducerRecord<>(Topics.PAGE_VIEWS, 0, "poison", poison));
    valid.forEach(v -> out.add(new ProducerRecord<>(Topics.PAGE_VIEWS, 0, v.readerId(), codec.encode(v))));
    long sent = System.nanoTime();
    send(out, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024));

    await().atMost(STALL_LIMIT).until(() -> lake.lines(LakeLayout.PAGE_VIEWS).size() >= valid.size());
    System.out.printf("valid views behind a 5 MB poison record reached the lake after %d ms%n",
        Duration.ofNanos(System.nanoTime() - sent).toMillis());
    assertThat(lake.lines(LakeLayout.PAGE_VIEWS)).hasSize(valid.size());

    List<ConsumerRecord<String, byte[]>> dlq = readAll(Topics.PAGE_VIEWS_DLQ, 1);
    assertThat(dlq).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("poison");
      assertThat(r.value()).hasSize(DeadLetterPublisher.TRUNCATED_VALUE_BYTES)
          .isEqualTo(Arrays.copyOf(poison, DeadLetterPublisher.TRUNCATED_VALUE_BYTES));
      assertThat(header(r, Topics.REASON_HEADER)).contains("exceeds");
      assertThat(header(r, Topics.ORIGINAL_TOPIC_HEADER)).isEqualTo(Topics.PAGE_VIEWS);
      assertThat(header(r, Topics.ORIGINAL_PARTITION_HEADER)).isEqualTo("0");
      assertThat(header(r, Topics.ORIGINAL_OFFSET_HEADER)).isEqualTo("0");
      assertThat(header(r, Topics.TRUNCATED_HEADER)).contains("RecordTooLargeException");
      assertThat(header(r, Topics.ORIGINAL_SIZE_HEADER)).isEqualTo(Integer.toString(POISON_BYTES));
      assertThat(header(r, Topics.ORIGINAL_SHA256_HEADER)).isEqualTo(sha256(poison));
    });

    assertThat(get("/actuator/health")).contains("\"partitions\"");
  }

  @Test
  @Order(2)
  void aRecordTheListenerFailsOnPermanentlyIsDeadLetteredAndTheRestOfItsBatchProcessed() throws Exception {
    long now = System.currentTimeMillis();
    List<PageView> views = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      views.add(new PageView(UUID.randomUUID().toString(), "batch-reader", "art-" + i, "batch-session", now + i, null, 1_000L));
    }
    PageView culprit = views.get(23);
    Set<String> handled = ConcurrentHashMap.newKeySet();
    // a listener with a bug for one record, in a real container from the ingest's factory (so with its error handler)
    BatchMessageListener<String, byte[]> buggy = records -> {
      for (ConsumerRecord<String, byte[]> r : records) {
        if (new String(r.value(), StandardCharsets.UTF_8).contains(culprit.eventId())) {
          throw new IllegalStateException("bug triggered by " + culprit.eventId());
        }
      }
      records.forEach(r -> handled.add(new String(r.value(), StandardCharsets.UTF_8)));
    };
    int dlqBefore = readAll(Topics.PAGE_VIEWS_DLQ, 1).size();
    send(views.stream().map(v -> new ProducerRecord<>(Topics.PAGE_VIEWS, 0, v.readerId(), codec.encode(v))).toList(), Map.of());

    ConcurrentMessageListenerContainer<String, byte[]> container = containerFactory.createContainer(Topics.PAGE_VIEWS);
    container.getContainerProperties().setGroupId("buggy-" + UUID.randomUUID());
    container.getContainerProperties().setMessageListener(buggy);
    container.start();
    try {
      // everything else in the topic (the poison record and 50 views of the first test, these 40 views) gets through
      await().atMost(STALL_LIMIT).until(() -> handled.size() >= 1 + 50 + 39);
    } finally {
      container.stop();
    }
    assertThat(handled).noneMatch(v -> v.contains(culprit.eventId()));
    List<ConsumerRecord<String, byte[]>> dlq = readAll(Topics.PAGE_VIEWS_DLQ, dlqBefore + 1);
    assertThat(dlq.subList(dlqBefore, dlq.size())).singleElement().satisfies(r -> {
      assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains(culprit.eventId());
      assertThat(header(r, Topics.REASON_HEADER)).startsWith(DeadLetterRecoverer.REASON_PREFIX)
          .contains("IllegalStateException").contains("bug triggered");
      assertThat(header(r, Topics.ORIGINAL_OFFSET_HEADER)).isEqualTo(Long.toString(1 + 50 + 23));
    });
  }

  @Test
  @Order(3)
  void consumerLagPerPartitionIsOnThePrometheusEndpoint() {
    // per-partition client metrics exist once the consumer fetched the partition; they are looked for every 10 s
    await().atMost(Duration.ofSeconds(25)).untilAsserted(() -> assertThat(get("/actuator/prometheus"))
        .containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"0\"[^}]*topic=\"page-views\""));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void send(List<ProducerRecord<String, byte[]>> records, Map<String, Object> extra) throws Exception {
    Map<String, Object> props = new java.util.HashMap<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
        ProducerConfig.LINGER_MS_CONFIG, 5));
    props.putAll(extra);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (ProducerRecord<String, byte[]> r : records) {
        producer.send(r).get(); // one at a time: the broker must accept each, the poison included
      }
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
      long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      consumer.poll(Duration.ofMillis(300)).forEach(out::add);
    }
    return out;
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private String get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
