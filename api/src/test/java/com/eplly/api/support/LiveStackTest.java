package com.eplly.api.support;

import com.eplly.contracts.Topics;
import com.eplly.contracts.audit.AuditEvent;
import com.eplly.contracts.audit.AuditEventJson;
import com.eplly.contracts.event.Article;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.PageView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the test classes that share one running api: a real in-JVM Kafka broker, the shared
 * real redis-server and a fixture model version. Subclasses must not stop Redis (the outage
 * tests have their own context and server).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "eplly.admin.api-key=" + LiveStackTest.ADMIN_KEY,
      "eplly.admin.keys.ci=" + LiveStackTest.CI_KEY,
      // the slow-upload test waits this long for its 408
      "eplly.events.read-timeout=1s"
    })
@EmbeddedKafka(partitions = 1, topics = {Topics.PAGE_VIEWS, Topics.IMPRESSIONS, Topics.ERASURES, Topics.AUDIT})
public abstract class LiveStackTest extends RunningApiTest {

  protected static final String ADMIN_KEY = "test-admin-key";
  /** A second admin key, named {@code ci}. */
  protected static final String CI_KEY = "test-ci-key";
  private static final EventCodec CODEC = new EventCodec(Clock.systemUTC());
  private static final AuditEventJson AUDIT_JSON = new AuditEventJson();
  /** The active fixture version. */
  protected static final String VERSION = Fixture.VERSION;

  @Autowired protected EmbeddedKafkaBroker broker;

  /** The lake this api reads for exports (empty unless a test writes one, e.g. {@link LakeFixture}). */
  protected static final Path LAKE = temporaryLake();

  @DynamicPropertySource
  static void redisAndLake(DynamicPropertyRegistry registry) {
    registry.add("eplly.redis.port", SharedRedis::port);
    registry.add("eplly.lake.dir", LAKE::toString);
  }

  private static Path temporaryLake() {
    try {
      return Files.createTempDirectory("eplly-api-lake-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each test class starts from an empty Redis, whatever the classes before it left. */
  @BeforeEach
  void emptyRedis() {
    redis.flushDB();
  }

  /** Seeds the {@link Fixture} and makes this instance serve its version now. */
  protected void seedFixture() {
    Fixture.seed(redis);
    activeVersion.refresh();
  }

  protected void article(Article a) {
    Fixture.article(redis, a);
  }

  /**
   * Polls {@link Topics#PAGE_VIEWS} from the start until a record matching {@code wanted} arrives.
   *
   * @return that record
   * @throws AssertionError when none arrives within {@code within}
   */
  protected ConsumerRecord<String, byte[]> awaitPageView(Predicate<PageView> wanted, Duration within) {
    return awaitRecord(Topics.PAGE_VIEWS,
        bytes -> CODEC.decodePageView(bytes) instanceof Decoded.Valid<PageView> valid && wanted.test(valid.value()),
        within);
  }

  /** As {@link #awaitPageView}, on {@link Topics#IMPRESSIONS}: the decoded event that matched. */
  protected ImpressionEvent awaitImpression(Predicate<ImpressionEvent> wanted, Duration within) {
    Predicate<byte[]> matches = bytes ->
        CODEC.decodeImpression(bytes) instanceof Decoded.Valid<ImpressionEvent> valid && wanted.test(valid.value());
    byte[] found = awaitRecord(Topics.IMPRESSIONS, matches, within).value();
    return ((Decoded.Valid<ImpressionEvent>) CODEC.decodeImpression(found)).value();
  }

  /**
   * Reads {@link Topics#AUDIT} from the start until {@code done} holds for what was read, then a
   * little longer, so that a record too many would be seen too.
   *
   * @throws AssertionError when {@code done} never holds within {@code within}
   */
  protected List<AuditEvent> readAudit(Predicate<List<AuditEvent>> done, Duration within) {
    Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "it-" + UUID.randomUUID(), false);
    List<AuditEvent> read = new ArrayList<>();
    try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
        props, new StringDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(Topics.AUDIT));
      long deadline = System.nanoTime() + within.toNanos();
      while (!done.test(read)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the audit topic did not hold what was expected within " + within + ": " + read);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(audit(r.value())));
      }
      consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(audit(r.value())));
    }
    return read;
  }

  private static AuditEvent audit(byte[] bytes) {
    return ((Decoded.Valid<AuditEvent>) AUDIT_JSON.read(bytes)).value();
  }

  /** Polls {@code topic} from the start until a record whose value matches {@code wanted} arrives. */
  protected ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<byte[]> wanted, Duration within) {
    Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "it-" + UUID.randomUUID(), false);
    try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
        props, new StringDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (wanted.test(record.value())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no matching record on " + topic + " within " + within);
  }

  protected HttpResponse<String> post(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
