package com.eplly.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.contracts.privacy.ReaderErasureJson;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.support.LiveIngestTest;
import com.eplly.ingest.support.TempLake;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Erasing a reader in a running ingest, against a real in-JVM broker and a real redis-server: within
 * 5 s no key holds the reader's data (the whole keyspace scanned for the id), every other key is
 * byte-identical (DUMP), the erasure is in the lake; an in-flight view sent before the erasure writes
 * nothing, one sent after it is new data (page views in the live state, experiment answers in the unit
 * markers); a version published later loses the reader's list; while Redis refuses writes the
 * erasure waits, and is counted applied only once Redis took it.
 */
@LiveIngestTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "eplly.ingest.retry.initial-interval=100ms",
    "eplly.ingest.retry.max-interval=400ms",
    "eplly.redis.timeout=500ms"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAGE_VIEWS, Topics.PAGE_VIEWS_DLQ, Topics.IMPRESSIONS,
    Topics.IMPRESSIONS_DLQ, Topics.ARTICLES, Topics.ARTICLES_DLQ, Topics.ERASURES})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReaderErasureTest {

  private static final Duration SETTLE = Duration.ofSeconds(60);
  /** The bound: from the erasure's publication to no key left. */
  private static final Duration ERASED_WITHIN = Duration.ofSeconds(5);
  // session ids carry the reader id, so that one scan for the id also finds the session lists
  private static final String ERASED = "reader-erased-q7";
  private static final String KEPT = "reader-kept-q7";
  private static final List<String> ERASED_SESSIONS = List.of(ERASED + ".s1", ERASED + ".s2");
  private static final String EXPERIMENT = "exp-1";

  @Autowired EmbeddedKafkaBroker broker;
  @Autowired UnifiedJedis redis;
  @Autowired MeterRegistry meters;
  @Autowired TempLake lake;

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private static long erasedAt;

  @Test
  @Order(1)
  void anErasedReaderLeavesNoKeyWithinFiveSecondsAndOtherKeysAreUntouched() throws Exception {
    long now = System.currentTimeMillis();
    List<ProducerRecord<String, byte[]>> views = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      views.add(view(ERASED, ERASED_SESSIONS.get(i % 2), "a-" + i, now, null));
      views.add(view(KEPT, KEPT + ".s1", "a-" + (i + 1), now, null));
    }
    send(views);
    // what the recommender's publish and the experiment counter hold of both readers
    redis.zadd(Keyspace.versions(), now, "v1");
    redis.hset(Keyspace.experiments(), EXPERIMENT, "{}");
    for (String reader : List.of(ERASED, KEPT)) {
      redis.set(Keyspace.readerList("v1", reader), "list of " + reader);
      redis.set(Keyspace.experimentUnit(EXPERIMENT, reader), "control");
    }
    redis.set(Keyspace.experimentUnit(EXPERIMENT, ERASED_SESSIONS.get(0)), "control");
    await().atMost(SETTLE).until(() -> redis.llen(Keyspace.readerRecent(ERASED)) == 6
        && redis.llen(Keyspace.readerRecent(KEPT)) == 6
        && redis.zcard(Keyspace.readerSessions(ERASED)) == 2
        && ERASED_SESSIONS.stream().allMatch(s -> redis.exists(Keyspace.sessionRecent(s))));
    assertThat(keysWith(ERASED)).containsExactlyInAnyOrder(Keyspace.readerRecent(ERASED),
        Keyspace.readerSessions(ERASED), Keyspace.sessionRecent(ERASED_SESSIONS.get(0)),
        Keyspace.sessionRecent(ERASED_SESSIONS.get(1)), Keyspace.readerList("v1", ERASED),
        Keyspace.experimentUnit(EXPERIMENT, ERASED), Keyspace.experimentUnit(EXPERIMENT, ERASED_SESSIONS.get(0)));
    Map<String, String> othersBefore = dumpAllBut(ERASED);

    erasedAt = System.currentTimeMillis();
    long published = System.nanoTime();
    send(List.of(erasure(new ReaderErasure(ERASED, erasedAt, "test"))));
    await().atMost(ERASED_WITHIN).pollInterval(Duration.ofMillis(10)).until(() -> keysWith(ERASED).isEmpty());
    long tookMs = (System.nanoTime() - published) / 1_000_000;
    System.out.printf("ERASURE TIMING: %d ms from publishing the erasure to no key of the reader in Redis%n", tookMs);

    assertThat(dumpAllBut(ERASED)).isEqualTo(othersBefore);
    assertThat(meters.counter(ErasureFollower.APPLIED).count()).isEqualTo(1.0);
    assertThat(meters.counter(ErasureFollower.KEYS_DELETED).count()).isEqualTo(7.0);
    String line = new String(new ReaderErasureJson().write(new ReaderErasure(ERASED, erasedAt, "test")),
        StandardCharsets.UTF_8);
    await().atMost(SETTLE).until(() -> lake.lines(LakeLayout.ERASURES).contains(line));
  }

  @Test
  @Order(2)
  void aViewSentBeforeTheErasureWritesNothingAndOneSentAfterIsNewData() throws Exception {
    send(List.of(view(ERASED, ERASED_SESSIONS.get(0), "a-late", erasedAt - 10, erasedAt - 1)));
    await().atMost(SETTLE).until(() -> dropped("live") >= 1 && lake.lines(LakeLayout.PAGE_VIEWS).stream()
        .anyMatch(l -> l.contains("a-late")));
    assertThat(keysWith(ERASED)).isEmpty();

    send(List.of(view(ERASED, ERASED + ".s3", "a-back", System.currentTimeMillis(), erasedAt + 1)));
    await().atMost(SETTLE).until(() -> redis.exists(Keyspace.readerRecent(ERASED)));
    assertThat(redis.lrange(Keyspace.readerRecent(ERASED), 0, -1)).containsExactly("a-back");
    assertThat(redis.zrange(Keyspace.readerSessions(ERASED), 0, -1)).containsExactly(ERASED + ".s3");
  }

  @Test
  @Order(3)
  void anExperimentAnswerSentBeforeTheErasureCountsNoUnitAndOneSentAfterDoes() throws Exception {
    send(List.of(served(erasedAt - 1)));
    await().atMost(SETTLE).until(() -> dropped("experiment-counts") >= 1);
    assertThat(redis.exists(Keyspace.experimentUnit(EXPERIMENT, ERASED))).isFalse();

    send(List.of(served(erasedAt + 1)));
    await().atMost(SETTLE).until(() -> redis.exists(Keyspace.experimentUnit(EXPERIMENT, ERASED)));
  }

  @Test
  @Order(4)
  void aVersionPublishedAfterTheErasureLosesTheErasedReadersList() {
    redis.set(Keyspace.readerList("v2", ERASED), "trained before the erasure");
    redis.set(Keyspace.readerList("v2", KEPT), "list of " + KEPT);
    redis.zadd(Keyspace.versions(), System.currentTimeMillis(), "v2");

    await().atMost(ERASED_WITHIN).until(() -> !redis.exists(Keyspace.readerList("v2", ERASED)));
    assertThat(redis.get(Keyspace.readerList("v2", KEPT))).isEqualTo("list of " + KEPT);
  }

  @Test
  @Order(5)
  void whileRedisRefusesWritesTheErasureWaitsAndIsAppliedOnceRedisTakesIt() throws Exception {
    String reader = "reader-paused-q7";
    send(List.of(view(reader, reader + ".s1", "a-1", System.currentTimeMillis(), null)));
    await().atMost(SETTLE).until(() -> redis.exists(Keyspace.readerRecent(reader)));
    double failedBefore = meters.counter(ErasureFollower.FAILED_ATTEMPTS).count();

    // writes (DEL) wait 4 s on the server while reads go on; ingest's client gives up after its 500 ms timeout
    redis.sendCommand(Protocol.Command.CLIENT, "PAUSE", "4000", "WRITE");
    send(List.of(erasure(new ReaderErasure(reader, System.currentTimeMillis(), "test"))));
    await().atMost(SETTLE).until(() -> meters.counter(ErasureFollower.FAILED_ATTEMPTS).count() > failedBefore);
    assertThat(meters.counter(ErasureFollower.APPLIED).count()).as("not done before Redis took it").isEqualTo(1.0);

    await().atMost(SETTLE).until(() -> keysWith(reader).isEmpty()
        && meters.counter(ErasureFollower.APPLIED).count() == 2.0);
  }

  private double dropped(String stage) {
    return meters.find(ErasedReaders.DROPPED).tag("stage", stage).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  private List<String> keysWith(String id) {
    List<String> keys = new ArrayList<>();
    scan("*" + id + "*", keys::add);
    return keys;
  }

  /** Every key but those holding {@code id} and ingest's traffic figures (which tick by the minute), DUMPed. */
  private Map<String, String> dumpAllBut(String id) {
    Map<String, String> dumps = new TreeMap<>();
    scan("*", key -> {
      if (!key.contains(id) && !key.startsWith("traffic:")) {
        dumps.put(key, java.util.HexFormat.of().formatHex(redis.dump(key)));
      }
    });
    return dumps;
  }

  private void scan(String pattern, java.util.function.Consumer<String> each) {
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, new ScanParams().match(pattern).count(1000));
      page.getResult().forEach(each);
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  /** A page view; {@code recordTime} null lets the producer stamp it. */
  private ProducerRecord<String, byte[]> view(String reader, String session, String article, long at, Long recordTime) {
    PageView v = new PageView(UUID.randomUUID().toString(), reader, article, session, at, null, null);
    return new ProducerRecord<>(Topics.PAGE_VIEWS, null, recordTime, reader, codec.encode(v));
  }

  /** An answer of the experiment's control arm to the erased reader, stamped {@code recordTime}. */
  private ProducerRecord<String, byte[]> served(long recordTime) {
    String requestId = UUID.randomUUID().toString();
    ServedEvent e = new ServedEvent(requestId, recordTime, ERASED, ERASED + ".s3", "a-0", "v1", EXPERIMENT,
        "control", false, List.of(new ServedItem("a-1", 1, "trending")));
    return new ProducerRecord<>(Topics.IMPRESSIONS, null, recordTime, requestId, codec.encode(e));
  }

  private static ProducerRecord<String, byte[]> erasure(ReaderErasure e) {
    return new ProducerRecord<>(Topics.ERASURES, e.readerId(), new ReaderErasureJson().write(e));
  }

  private void send(List<ProducerRecord<String, byte[]>> records) throws Exception {
    Map<String, Object> props = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (ProducerRecord<String, byte[]> r : records) {
        producer.send(r).get();
      }
    }
  }
}
