package com.eplly.ingest.fuzz;

import com.eplly.ingest.support.LiveIngestTest;
import com.eplly.ingest.support.TempLake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.monitoring.IngestMetrics;
import com.eplly.ingest.pageviews.PageViewListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import redis.clients.jedis.UnifiedJedis;

/**
 * Fuzz: 10,000 malformed page views of many kinds, interleaved with valid ones, against a real
 * broker and redis-server with {@code require-known-article} on. Every malformed record lands in
 * the DLQ exactly once, byte for byte, with a one-line reason; every valid one lands in the lake
 * exactly once; no batch fails and ingest keeps consuming afterwards.
 */
@LiveIngestTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "eplly.ingest.require-known-article=true",
    "eplly.ingest.kafka.max-poll-records=500",
    "eplly.ingest.summary-interval=5s"})
@EmbeddedKafka(partitions = 2, topics = {Topics.PAGE_VIEWS, Topics.PAGE_VIEWS_DLQ, Topics.ARTICLES, Topics.ARTICLES_DLQ})
class IngestFuzzTest {

  private static final int MALFORMED = 10_000;
  private static final int VALID = 4_000;
  private static final int AFTER = 200;
  private static final Duration DEADLINE = Duration.ofSeconds(45);

  @Autowired TempLake lake;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired UnifiedJedis redis;
  @Autowired MeterRegistry meters;
  @Autowired KafkaListenerEndpointRegistry listeners;

  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  @Test
  void everyMalformedRecordIsDeadLetteredOnceAndEveryValidOneLandsInTheLakeOnce() throws Exception {
    long now = System.currentTimeMillis();
    List<Article> catalog = catalog(now);
    send(catalog.stream().map(a -> new ProducerRecord<>(Topics.ARTICLES, a.articleId(), codec.encode(a))).toList());
    await().atMost(DEADLINE).until(() -> catalog.stream().allMatch(a -> redis.exists(Keyspace.article(a.articleId()))));

    MalformedPageViews fuzz = new MalformedPageViews(20261127L, now, catalog.get(0).articleId());
    List<MalformedPageViews.Bad> bad = fuzz.generate(MALFORMED);
    List<PageView> valid = validViews(now, catalog, VALID, 1);
    Map<String, MalformedPageViews.Bad> badByKey = bad.stream()
        .collect(Collectors.toMap(MalformedPageViews.Bad::key, b -> b));
    assertThat(badByKey).hasSize(MALFORMED);

    // interleave: a seeded shuffle of malformed and valid records
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    bad.forEach(b -> out.add(new ProducerRecord<>(Topics.PAGE_VIEWS, b.key(), b.value())));
    valid.forEach(v -> out.add(new ProducerRecord<>(Topics.PAGE_VIEWS, v.readerId(), codec.encode(v))));
    Collections.shuffle(out, new Random(7));
    long t0 = System.nanoTime();
    send(out);

    List<ConsumerRecord<String, byte[]>> dlq = readAll(Topics.PAGE_VIEWS_DLQ, MALFORMED);
    await().atMost(DEADLINE).until(() -> lake.lines(LakeLayout.PAGE_VIEWS).size() >= VALID);
    double seconds = (System.nanoTime() - t0) / 1e9;

    // DLQ: each malformed record exactly once, original key and bytes, a short one-line reason
    Map<String, Integer> copies = new HashMap<>();
    Map<String, Integer> perKind = new TreeMap<>();
    for (ConsumerRecord<String, byte[]> r : dlq) {
      copies.merge(r.key(), 1, Integer::sum);
      MalformedPageViews.Bad sent = badByKey.get(r.key());
      assertThat(sent).as("DLQ record with key %s was not sent as malformed", r.key()).isNotNull();
      assertThat(r.value()).as("DLQ bytes of %s (%s)", r.key(), sent.kind()).isEqualTo(sent.value());
      String reason = header(r, Topics.REASON_HEADER);
      assertThat(reason).as("reason of %s (%s)", r.key(), sent.kind()).isNotBlank().doesNotContain("\n").hasSizeLessThan(600);
      assertThat(header(r, Topics.ORIGINAL_TOPIC_HEADER)).isEqualTo(Topics.PAGE_VIEWS);
      if (sent.kind().equals(MalformedPageViews.UNKNOWN_ARTICLE)) {
        assertThat(reason).startsWith("unknown article");
      } else {
        assertThat(reason).doesNotStartWith("unknown article");
      }
      perKind.merge(sent.kind(), 1, Integer::sum);
    }
    assertThat(copies).hasSize(MALFORMED).allSatisfy((key, n) -> assertThat(n).as("DLQ copies of %s", key).isEqualTo(1));
    assertThat(dlq).hasSize(MALFORMED);
    assertThat(perKind.keySet()).containsExactlyInAnyOrderElementsOf(fuzz.kinds());

    // lake: every valid view exactly once, nothing else
    assertLakeHoldsExactly(valid);
    assertThat(meters.find(IngestMetrics.BATCH_FAILURES).counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    assertThat(meters.find(IngestMetrics.REJECTED).tag("reason", "unknown-article").counter().count())
        .isEqualTo(perKind.get(MalformedPageViews.UNKNOWN_ARTICLE).doubleValue());

    // ingest keeps running: a later batch of valid views is consumed too
    assertThat(listeners.getListenerContainer(PageViewListener.ID).isRunning()).isTrue();
    List<PageView> later = validViews(System.currentTimeMillis(), catalog, AFTER, 2);
    send(later.stream().map(v -> new ProducerRecord<>(Topics.PAGE_VIEWS, v.readerId(), codec.encode(v))).toList());
    await().atMost(DEADLINE).until(() -> lake.lines(LakeLayout.PAGE_VIEWS).size() >= VALID + AFTER);
    assertLakeHoldsExactly(Stream.concat(valid.stream(), later.stream()).toList());

    System.out.printf("[fuzz] %d malformed -> %d DLQ records (each once), %d valid -> %d lake lines, in %.1f s; per kind %s%n",
        MALFORMED, dlq.size(), VALID + AFTER, lake.lines(LakeLayout.PAGE_VIEWS).size(), seconds, perKind);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void assertLakeHoldsExactly(List<PageView> expected) throws IOException {
    List<String> lines = lake.lines(LakeLayout.PAGE_VIEWS);
    Set<String> ids = new HashSet<>();
    for (String line : lines) {
      Decoded<PageView> d = codec.decodePageView(line.getBytes(StandardCharsets.UTF_8));
      assertThat(d).isInstanceOf(Decoded.Valid.class);
      ids.add(((Decoded.Valid<PageView>) d).value().eventId());
    }
    assertThat(lines).hasSize(expected.size());
    assertThat(ids).isEqualTo(expected.stream().map(PageView::eventId).collect(Collectors.toSet()));
  }

  private void send(List<ProducerRecord<String, byte[]>> records) throws Exception {
    Map<String, Object> props = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
      for (ProducerRecord<String, byte[]> r : records) {
        acks.add(producer.send(r));
      }
      producer.flush();
      for (java.util.concurrent.Future<?> a : acks) {
        a.get(); // a send the broker refused would make the counts below meaningless
      }
    }
  }

  /** Reads a topic from the start until {@code expected} records arrived, then a moment longer to catch duplicates. */
  private List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
    Map<String, Object> props = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        }
      }
    }
    assertThat(out).as("records in %s", topic).hasSizeGreaterThanOrEqualTo(expected);
    return out;
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static List<Article> catalog(long now) {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      articles.add(new Article(String.format("fz-%03d", i), "Fuzz article " + i, "https://eplly.example/fz/" + i,
          "news", now - 86_400_000L, null, List.of(), null, false));
    }
    return articles;
  }

  private static List<PageView> validViews(long now, List<Article> catalog, int n, long seed) {
    Random rnd = new Random(seed);
    List<PageView> views = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int reader = rnd.nextInt(150);
      views.add(new PageView(UUID.randomUUID().toString(), "fr-" + reader, catalog.get(rnd.nextInt(catalog.size())).articleId(),
          "fs-" + reader + "-" + (i / 500), now - rnd.nextInt(7_200_000), null, (long) rnd.nextInt(60_000)));
    }
    return views;
  }
}
