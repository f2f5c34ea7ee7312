package com.eplly.ingest;

import com.eplly.ingest.support.LiveIngestTest;
import com.eplly.ingest.support.TempLake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.catalog.ArticleListener;
import com.eplly.ingest.monitoring.IngestMetrics;
import com.eplly.ingest.monitoring.PartitionStalls;
import com.eplly.ingest.pageviews.PageViewListener;
import com.eplly.ingest.support.EmbeddedRedisExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * End to end against a real in-JVM KRaft broker and a real redis-server: page views and articles
 * (valid and malformed) flow to the lake, the DLQs and Redis; a Redis outage loses nothing; a
 * replay with a fresh consumer group adds nothing.
 */
@LiveIngestTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "eplly.ingest.kafka.max-poll-records=150",
    "eplly.ingest.retry.initial-interval=100ms",
    "eplly.ingest.retry.max-interval=400ms",
    "eplly.ingest.live.reader-recent-cap=10",
    "eplly.ingest.summary-interval=2s",
    "eplly.redis.timeout=500ms"})
@EmbeddedKafka(partitions = 2, topics = {Topics.PAGE_VIEWS, Topics.PAGE_VIEWS_DLQ, Topics.ARTICLES, Topics.ARTICLES_DLQ})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestPipelineTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final int VALID_VIEWS = 1_000;

  @Autowired TempLake lake;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired UnifiedJedis redis;
  @Autowired MeterRegistry meters;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory;
  @Autowired PageViewListener pageViewListener;
  @Autowired ArticleListener articleListener;
  @LocalServerPort int httpPort;
  @LocalManagementPort int managementPort;

  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  // fixtures, fixed once per run and shared by the ordered tests
  private static final long NOW = System.currentTimeMillis();
  private static final List<PageView> VIEWS = pageViews(NOW);
  private static final List<PageView> LATE_VIEWS = lateViews(NOW);
  private static final List<PageView> ALL_VIEWS = Stream.concat(VIEWS.stream(), LATE_VIEWS.stream()).toList();
  private static final Map<String, byte[]> MALFORMED = malformedViews(NOW);
  private static final List<Article> ARTICLES = articles(NOW);

  @Test
  @Order(1)
  void validRecordsReachLakeAndRedisMalformedOnesTheDlq() throws Exception {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    for (int i = 0; i < VIEWS.size(); i++) {
      PageView v = VIEWS.get(i);
      String json = new String(codec.encode(v), StandardCharsets.UTF_8);
      // some senders add fields and spaces: still valid, but the lake must hold the codec's own encoding
      String sent = i % 10 == 0 ? "{\"via\": \"test\", " + json.substring(1).replace("\",\"", "\", \"") : json;
      out.add(new ProducerRecord<>(Topics.PAGE_VIEWS, v.readerId(), sent.getBytes(StandardCharsets.UTF_8)));
    }
    MALFORMED.forEach((k, v) -> out.add(new ProducerRecord<>(Topics.PAGE_VIEWS, k, v)));
    ARTICLES.forEach(a -> out.add(new ProducerRecord<>(Topics.ARTICLES, a.articleId(), codec.encode(a))));
    byte[] badArticle = "{\"articleId\":\"bad-1\",\"title\":\"T\",\"url\":\"ftp://x\",\"category\":\"news\",\"publishedAt\":1764000000000}"
        .getBytes(StandardCharsets.UTF_8);
    out.add(new ProducerRecord<>(Topics.ARTICLES, "bad-1", badArticle));
    send(out);

    await().atMost(DEADLINE).until(() -> lake.lines(LakeLayout.PAGE_VIEWS).size() >= VALID_VIEWS
        && lake.lines(LakeLayout.ARTICLES).size() >= ARTICLES.size());
    List<ConsumerRecord<String, byte[]>> dlq = readAll(Topics.PAGE_VIEWS_DLQ, MALFORMED.size());
    List<ConsumerRecord<String, byte[]>> articleDlq = readAll(Topics.ARTICLES_DLQ, 1);

    // lake: every valid view exactly once, nothing else, no temporary files left
    List<String> lines = lake.lines(LakeLayout.PAGE_VIEWS);
    Set<String> eventIds = new HashSet<>();
    for (String line : lines) {
      Decoded<PageView> d = codec.decodePageView(line.getBytes(StandardCharsets.UTF_8));
      assertThat(d).isInstanceOf(Decoded.Valid.class);
      PageView view = ((Decoded.Valid<PageView>) d).value();
      assertThat(line).isEqualTo(new String(codec.encode(view), StandardCharsets.UTF_8));
      eventIds.add(view.eventId());
    }
    assertThat(lines).hasSize(VALID_VIEWS);
    assertThat(eventIds).hasSize(VALID_VIEWS)
        .isEqualTo(new HashSet<>(VIEWS.stream().map(PageView::eventId).toList()));
    assertThat(lake.files(LakeLayout.PAGE_VIEWS)).allSatisfy(p -> {
      assertThat(LakeLayout.parseFileName(p.getFileName().toString())).isPresent();
      assertThat(p.getParent().getFileName().toString()).startsWith("hour=");
    });
    assertThat(lake.files(LakeLayout.PAGE_VIEWS).stream().map(p -> p.getParent().toString()).distinct())
        .hasSizeGreaterThanOrEqualTo(5); // five hours of events

    // DLQ: each malformed record once, original key and bytes, reason and topic headers
    assertThat(dlq).hasSize(MALFORMED.size());
    for (ConsumerRecord<String, byte[]> r : dlq) {
      assertThat(MALFORMED).containsKey(r.key());
      assertThat(r.value()).isEqualTo(MALFORMED.get(r.key()));
      assertThat(header(r, Topics.REASON_HEADER)).isNotBlank();
      assertThat(header(r, Topics.ORIGINAL_TOPIC_HEADER)).isEqualTo(Topics.PAGE_VIEWS);
    }
    assertThat(dlq.stream().map(r -> header(r, Topics.REASON_HEADER)))
        .anyMatch(s -> s.startsWith("malformed JSON"))
        .anyMatch(s -> s.contains("timestamp is missing"))
        .anyMatch(s -> s.contains("timestamp must be an integer"))
        .anyMatch(s -> s.contains("eventId must be a UUID"));
    assertThat(articleDlq).singleElement().satisfies(r -> {
      assertThat(r.value()).isEqualTo(badArticle);
      assertThat(header(r, Topics.REASON_HEADER)).contains("url");
    });

    // live state: capped reader lists with TTL, newest first
    PageView lastOfReader0 = VIEWS.stream().filter(v -> v.readerId().equals("reader-00")).reduce((a, b) -> b).orElseThrow();
    String reader0 = Keyspace.readerRecent("reader-00");
    assertThat(redis.llen(reader0)).isEqualTo(10);
    assertThat(redis.lindex(reader0, 0)).isEqualTo(lastOfReader0.articleId());
    assertThat(redis.ttl(reader0)).isBetween(Duration.ofDays(29).toSeconds(), Duration.ofDays(30).toSeconds());
    String session = Keyspace.sessionRecent(lastOfReader0.sessionId());
    assertThat(redis.llen(session)).isBetween(1L, 20L);
    assertThat(redis.ttl(session)).isPositive();

    // trending: recent buckets counted exactly, with TTL; buckets older than the window skipped
    Map<String, Long> expectedTrending = new TreeMap<>();
    long bucket = Keyspace.TRENDING_BUCKET.toMillis();
    // judged from now, not from when the fixtures were made: on a slow machine the oldest buckets expire meanwhile
    long checkedAt = System.currentTimeMillis();
    for (PageView v : VIEWS) {
      if (Math.floorDiv(v.timestamp(), bucket) * bucket + bucket + Duration.ofHours(3).toMillis() > checkedAt + 60_000) {
        expectedTrending.merge(Keyspace.trending(v.timestamp()), 1L, Long::sum);
      }
    }
    assertThat(expectedTrending).hasSizeGreaterThan(10);
    expectedTrending.forEach((key, count) -> {
      assertThat(redis.zrangeWithScores(key, 0, -1).stream().mapToDouble(Tuple::getScore).sum())
          .as(key).isEqualTo(count.doubleValue());
      assertThat(redis.ttl(key)).as(key).isPositive().isLessThanOrEqualTo(Duration.ofHours(3).plusMinutes(5).toSeconds());
    });
    assertThat(redis.exists(Keyspace.trending(VIEWS.get(0).timestamp()))).isFalse(); // 5 h old

    // co-visits: three sessions read pair-a then pair-b
    assertThat(redis.zscore(Keyspace.coVisits("pair-a"), "pair-b")).isEqualTo(3.0);
    assertThat(redis.zscore(Keyspace.coVisits("pair-b"), "pair-a")).isEqualTo(1.5);
    assertThat(redis.ttl(Keyspace.coVisits("pair-a"))).isPositive();
    assertThat(redis.zcard(Keyspace.coVisits("art-01"))).isBetween(1L, 100L);

    // catalog: whole hash, TTL from expiresAt or the default, index of servable articles
    Article plain = ARTICLES.get(0);
    assertThat(redis.hgetAll(Keyspace.article(plain.articleId()))).isEqualTo(ArticleHash.toHash(plain));
    assertThat(redis.ttl(Keyspace.article(plain.articleId()))).isGreaterThan(Duration.ofDays(89).toSeconds());
    Article expiring = ARTICLES.get(1);
    assertThat(redis.hgetAll(Keyspace.article(expiring.articleId()))).isEqualTo(ArticleHash.toHash(expiring));
    assertThat(redis.ttl(Keyspace.article(expiring.articleId()))).isBetween(
        Duration.ofDays(2).toSeconds(), Duration.ofDays(3).toSeconds()); // 2 days left + 1 day grace
    Article hidden = ARTICLES.get(2);
    assertThat(redis.hget(Keyspace.article(hidden.articleId()), ArticleHash.HIDDEN)).isEqualTo("1");
    Article expired = ARTICLES.get(3);
    assertThat(redis.exists(Keyspace.article(expired.articleId()))).isFalse();
    assertThat(redis.zrange(Keyspace.latestArticles(), 0, -1))
        .containsExactlyInAnyOrder(plain.articleId(), expiring.articleId(), ARTICLES.get(4).articleId());
    assertThat(redis.exists(Keyspace.article("bad-1"))).isFalse();

    everyKeyHasATtl();

    // metrics and health
    assertThat(counter(IngestMetrics.ACCEPTED, Topics.PAGE_VIEWS)).isEqualTo(VALID_VIEWS);
    assertThat(counter(IngestMetrics.REJECTED, Topics.PAGE_VIEWS)).isEqualTo(MALFORMED.size());
    assertThat(meters.find(IngestMetrics.REJECTED).tag("reason", "malformed-json").counters()).isNotEmpty();
    assertThat(meters.find(IngestMetrics.BATCH).tag("topic", Topics.PAGE_VIEWS).timer().count()).isPositive();
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"redis\"").contains("\"lake\"");
    assertThat(get("/actuator/prometheus").body()).contains("eplly_ingest_records_accepted_total");
  }

  @Test
  @Order(2)
  void redisOutageStallsTheBatchUntilRedisIsBackAndLosesNothing() throws Exception {
    int before = lake.lines(LakeLayout.PAGE_VIEWS).size();
    double failures = counter(IngestMetrics.BATCH_FAILURES, Topics.PAGE_VIEWS);
    EmbeddedRedisExtension.stop();
    try {
      send(LATE_VIEWS.stream().map(v -> new ProducerRecord<>(Topics.PAGE_VIEWS, v.readerId(), codec.encode(v))).toList());

      await().atMost(DEADLINE).until(() -> counter(IngestMetrics.BATCH_FAILURES, Topics.PAGE_VIEWS) >= failures + 3);
      assertThat(lake.lines(LakeLayout.PAGE_VIEWS)).hasSize(before); // not written, not committed
      assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
      // the failing partition shows in the stuck gauge from its first failure (health turns on stuck-after)
      assertThat(meters.find(PartitionStalls.STUCK_SECONDS).tag("topic", Topics.PAGE_VIEWS).gauges())
          .anySatisfy(g -> assertThat(g.value()).isPositive());
      assertThat(get("/actuator/health").body()).contains("\"partitions\"").contains("JedisConnectionException");
    } finally {
      EmbeddedRedisExtension.restart();
    }
    await().atMost(DEADLINE).until(() -> lake.lines(LakeLayout.PAGE_VIEWS).size() == before + LATE_VIEWS.size());
    assertThat(redis.llen(Keyspace.readerRecent("late-reader-0"))).isEqualTo(10);
    assertThat(redis.ttl(Keyspace.readerRecent("late-reader-0"))).isPositive();
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(meters.find(PartitionStalls.STUCK_SECONDS).tag("topic", Topics.PAGE_VIEWS).gauges())
        .allSatisfy(g -> assertThat(g.value()).isZero());
    // actuator lives on the management port only; the main port serves nothing
    HttpResponse<String> onMainPort = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(onMainPort.statusCode()).isEqualTo(404);
    assertThat(managementPort).isNotEqualTo(httpPort);
  }

  @Test
  @Order(3)
  void replayWithAFreshGroupAddsNoFilesAndCountsNothingTwice() throws Exception {
    listeners.getListenerContainer(PageViewListener.ID).stop();
    listeners.getListenerContainer(ArticleListener.ID).stop();
    List<String> filesBefore = lake.files(LakeLayout.PAGE_VIEWS).stream().map(Path::toString).sorted().toList();
    List<String> articleFilesBefore = lake.files(LakeLayout.ARTICLES).stream().map(Path::toString).sorted().toList();
    Map<String, List<Tuple>> trendingBefore = trendingState();
    double skippedViews = counter(IngestMetrics.ALREADY_IN_LAKE, Topics.PAGE_VIEWS);
    double skippedArticles = counter(IngestMetrics.ALREADY_IN_LAKE, Topics.ARTICLES);

    String group = "replay-" + UUID.randomUUID();
    ConcurrentMessageListenerContainer<String, byte[]> views = replayContainer(Topics.PAGE_VIEWS, group,
        pageViewListener::onBatch);
    ConcurrentMessageListenerContainer<String, byte[]> articles = replayContainer(Topics.ARTICLES, group,
        articleListener::onBatch);
    try {
      await().atMost(DEADLINE).until(() ->
          counter(IngestMetrics.ALREADY_IN_LAKE, Topics.PAGE_VIEWS) >= skippedViews + ALL_VIEWS.size()
              && counter(IngestMetrics.ALREADY_IN_LAKE, Topics.ARTICLES) >= skippedArticles + ARTICLES.size());
    } finally {
      views.stop();
      articles.stop();
    }

    assertThat(lake.files(LakeLayout.PAGE_VIEWS).stream().map(Path::toString).sorted().toList()).isEqualTo(filesBefore);
    assertThat(lake.files(LakeLayout.ARTICLES).stream().map(Path::toString).sorted().toList()).isEqualTo(articleFilesBefore);
    List<String> lines = lake.lines(LakeLayout.PAGE_VIEWS);
    assertThat(lines).hasSize(ALL_VIEWS.size()).doesNotHaveDuplicates();
    assertThat(trendingState()).isEqualTo(trendingBefore);
    // the catalog upsert is idempotent and re-applied, which rebuilds it after the Redis restart
    assertThat(redis.hgetAll(Keyspace.article("art-01"))).isEqualTo(ArticleHash.toHash(ARTICLES.get(0)));
    everyKeyHasATtl();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ConcurrentMessageListenerContainer<String, byte[]> replayContainer(String topic, String group,
      BatchMessageListener<String, byte[]> listener) {
    ConcurrentMessageListenerContainer<String, byte[]> c = containerFactory.createContainer(topic);
    c.getContainerProperties().setGroupId(group);
    c.getContainerProperties().setMessageListener(listener);
    c.start();
    return c;
  }

  private void everyKeyHasATtl() {
    String cursor = ScanParams.SCAN_POINTER_START;
    int keys = 0;
    do {
      ScanResult<String> page = redis.scan(cursor, new ScanParams().count(500));
      for (String key : page.getResult()) {
        keys++;
        assertThat(redis.ttl(key)).as("TTL of " + key).isPositive();
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    assertThat(keys).isPositive();
  }

  private Map<String, List<Tuple>> trendingState() {
    Map<String, List<Tuple>> state = new TreeMap<>();
    for (String key : Keyspace.trendingWindow(System.currentTimeMillis() + 3_600_000L, 100)) {
      List<Tuple> entries = redis.zrangeWithScores(key, 0, -1);
      if (!entries.isEmpty()) {
        state.put(key, entries);
      }
    }
    state.put("covisit", redis.zrangeWithScores(Keyspace.coVisits("pair-a"), 0, -1));
    return state;
  }

  private double counter(String name, String topic) {
    return meters.find(name).tag("topic", topic).counters().stream().mapToDouble(Counter::count).sum();
  }

  private void send(List<ProducerRecord<String, byte[]>> records) throws Exception {
    Map<String, Object> props = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
        ProducerConfig.LINGER_MS_CONFIG, 5);
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
      List<TopicPartition> parts = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
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

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // --- fixtures --------------------------------------------------------------------------------

  /** 1,000 views over the last five hours: 40 readers, sessions of ~5 reads, 30 articles. */
  private static List<PageView> pageViews(long now) {
    Random rnd = new Random(42);
    long start = now - Duration.ofHours(5).toMillis();
    long step = Duration.ofHours(5).toMillis() / VALID_VIEWS;
    List<PageView> views = new ArrayList<>();
    // three sessions that read pair-a then pair-b, the only place those articles occur
    for (int s = 0; s < 3; s++) {
      String reader = "pair-reader-" + s;
      views.add(view(reader, "pair-session-" + s, "pair-a", start + s));
      views.add(view(reader, "pair-session-" + s, "pair-b", start + s + 1_000));
    }
    for (int i = views.size(); i < VALID_VIEWS; i++) {
      int reader = i % 40;
      String session = "sess-" + reader + "-" + (i / 200);
      String article = "art-" + String.format("%02d", rnd.nextInt(30));
      views.add(view(String.format("reader-%02d", reader), session, article, start + i * step));
    }
    return List.copyOf(views);
  }

  /** Fifty views sent while Redis is down. */
  private static List<PageView> lateViews(long now) {
    List<PageView> views = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      views.add(new PageView(UUID.randomUUID().toString(), "late-reader-" + (i % 5), "art-0" + (i % 7),
          "late-session-" + (i % 5), now - 60_000 + i, null, 1_000L));
    }
    return List.copyOf(views);
  }

  private static PageView view(String reader, String session, String article, long ts) {
    return new PageView(UUID.randomUUID().toString(), reader, article, session, ts, null, 15_000L);
  }

  /** Twenty malformed page views of different kinds, keyed so the DLQ can be matched back. */
  private static Map<String, byte[]> malformedViews(long now) {
    Map<String, byte[]> bad = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      String ok = "\"eventId\":\"" + UUID.randomUUID() + "\",\"readerId\":\"bad-reader\",\"articleId\":\"art-01\","
          + "\"sessionId\":\"bad-session\"";
      String json = switch (i % 10) {
        case 0 -> "{\"eventId\": oops " + i;                                         // bad JSON
        case 1 -> "{" + ok + "}";                                                    // missing timestamp
        case 2 -> "{" + ok + ",\"timestamp\":\"yesterday-" + i + "\"}";              // wrong type
        case 3 -> "{" + ok.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"not-a-uuid-" + i + "\"")
            + ",\"timestamp\":" + now + "}";                                          // bad UUID
        case 4 -> "[" + i + "]";                                                      // not an object
        case 5 -> "{" + ok.replace("bad-reader", "bad reader!") + ",\"timestamp\":" + now + "}"; // bad id
        case 6 -> "{" + ok + ",\"timestamp\":" + (now + Duration.ofDays(3).toMillis()) + "}";   // future
        case 7 -> "{" + ok + ",\"timestamp\":" + now + ",\"dwellMs\":-" + (i + 1) + "}";       // negative dwell
        case 8 -> i == 8 ? "" : "   ";                                                // empty / blank
        default -> i == 9 ? null : "{" + ok + ",\"timestamp\":12.5}";                 // null value / fraction
      };
      bad.put("bad-" + i, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
    return Collections.unmodifiableMap(bad);
  }

  /** Plain, expiring in 2 days, hidden, long expired, and one more plain article. */
  private static List<Article> articles(long now) {
    long day = Duration.ofDays(1).toMillis();
    return List.of(
        new Article("art-01", "Storm hits the coast", "https://eplly.example/a/1", "weather", now - day,
            "A storm.", List.of("storm", "coast"), null, false),
        new Article("art-02", "Budget talks resume", "https://eplly.example/a/2", "politics", now - 2 * day,
            null, List.of(), now + 2 * day, false),
        new Article("art-03", "Withdrawn story", "https://eplly.example/a/3", "news", now - day,
            null, List.of(), null, true),
        new Article("art-04", "Old offer", "https://eplly.example/a/4", "deals", now - 10 * day,
            null, List.of(), now - 5 * day, false),
        new Article("art-05", "New vaccine trial", "https://eplly.example/a/5", "health", now - 3_600_000L,
            "Trial results.", List.of("health"), null, false));
  }
}
