package com.eplly.ingest.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eplly.contracts.Topics;
import com.eplly.contracts.audit.AuditEvent;
import com.eplly.contracts.audit.AuditEventJson;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.monitoring.IngestMetrics;
import com.eplly.ingest.support.LiveIngestTest;
import com.eplly.ingest.support.TempLake;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import redis.clients.jedis.UnifiedJedis;

/**
 * The audit topic against a real in-JVM broker, redis-server and a throw-away lake: every valid
 * action lands once in the lake, the console's set keeps only the newest ones (TTL set), a bad
 * record goes to the dead-letter topic, and a replay with a fresh consumer group adds nothing.
 */
@LiveIngestTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = {Topics.AUDIT, Topics.AUDIT_DLQ})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLakeTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  /** A few more than the console's set keeps, so the oldest must go. */
  private static final int COUNT = Keyspace.AUDIT_RECENT_MAX + 5;
  private static final long START = System.currentTimeMillis() - Duration.ofHours(2).toMillis();

  @Autowired TempLake lake;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired UnifiedJedis redis;
  @Autowired MeterRegistry meters;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory;
  @Autowired AuditListener auditListener;

  private final AuditEventJson json = new AuditEventJson();

  @Test
  @Order(1)
  void actionsReachTheLakeOnceAndOnlyTheNewestStayInRedis() throws Exception {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      AuditEvent e = event(i);
      out.add(new ProducerRecord<>(Topics.AUDIT, e.actor(), json.write(e)));
    }
    out.add(new ProducerRecord<>(Topics.AUDIT, "x", "{\"id\":\"bad\"}".getBytes(StandardCharsets.UTF_8)));
    send(out);

    await().atMost(DEADLINE).until(() -> lake.lines(LakeLayout.AUDIT).size() >= COUNT
        && counter(IngestMetrics.REJECTED) >= 1);
    List<String> ids = new ArrayList<>();
    for (String line : lake.lines(LakeLayout.AUDIT)) {
      ids.add(((Decoded.Valid<AuditEvent>) json.read(line)).value().id());
    }
    assertThat(ids).hasSize(COUNT).doesNotHaveDuplicates();

    assertThat(redis.zcard(Keyspace.auditRecent())).isEqualTo(Keyspace.AUDIT_RECENT_MAX);
    List<String> newest = redis.zrevrange(Keyspace.auditRecent(), 0, 0);
    List<String> oldest = redis.zrange(Keyspace.auditRecent(), 0, 0);
    assertThat(((Decoded.Valid<AuditEvent>) json.read(newest.get(0))).value().id()).isEqualTo("e-" + (COUNT - 1));
    assertThat(((Decoded.Valid<AuditEvent>) json.read(oldest.get(0))).value().id()).isEqualTo("e-5");
    assertThat(redis.ttl(Keyspace.auditRecent())).isGreaterThan(Keyspace.AUDIT_RECENT_TTL.toSeconds() - 60);
  }

  @Test
  @Order(2)
  void aReplayWithAFreshGroupAddsNoFileAndNoEntry() {
    listeners.getListenerContainer(AuditListener.ID).stop();
    List<Path> before = lake.files(LakeLayout.AUDIT);
    List<String> recent = redis.zrange(Keyspace.auditRecent(), 0, -1);
    double skipped = counter(IngestMetrics.ALREADY_IN_LAKE);

    ConcurrentMessageListenerContainer<String, byte[]> replay = containerFactory.createContainer(Topics.AUDIT);
    replay.getContainerProperties().setGroupId("replay-" + UUID.randomUUID());
    replay.getContainerProperties().setMessageListener((BatchMessageListener<String, byte[]>) auditListener::onBatch);
    replay.start();
    try {
      await().atMost(DEADLINE).until(() -> counter(IngestMetrics.ALREADY_IN_LAKE) >= skipped + COUNT);
    } finally {
      replay.stop();
    }
    assertThat(lake.files(LakeLayout.AUDIT)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(redis.zrange(Keyspace.auditRecent(), 0, -1)).isEqualTo(recent);
  }

  /** Action i, one second after action i-1, by one of two keys. */
  private static AuditEvent event(int i) {
    return new AuditEvent("e-" + i, START + i * 1000L, i % 2 == 0 ? "admin" : "ci", "rule.delete", "DELETE",
        "/v1/admin/rules/r-" + i, "r-" + i, Map.of(), 200, "req-" + i);
  }

  private double counter(String name) {
    return meters.find(name).tag("topic", Topics.AUDIT).counters().stream().mapToDouble(Counter::count).sum();
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
}
