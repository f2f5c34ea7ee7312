package com.eplly.ingest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.Topics;
import com.eplly.contracts.testing.MutableClock;
import com.eplly.ingest.config.IngestProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/** A partition that keeps failing turns health DOWN after stuck-after and shows in the gauge; on the injected clock. */
class PartitionStallsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PartitionStalls stalls = new PartitionStalls(clock, registry);
  private final PartitionHealthIndicator health = new PartitionHealthIndicator(stalls, properties(Duration.ofSeconds(30)));
  private final BatchFailureListener retries = new BatchFailureListener(new IngestMetrics(registry), stalls);
  private final PartitionProgressInterceptor<String, byte[]> progress = new PartitionProgressInterceptor<>(stalls);

  private final TopicPartition p0 = new TopicPartition(Topics.PAGE_VIEWS, 0);
  private final TopicPartition p1 = new TopicPartition(Topics.PAGE_VIEWS, 1);

  @Test
  void aPartitionFailingLongerThanStuckAfterIsDownUntilABatchOfItSucceeds() {
    ConsumerRecords<String, byte[]> batch = batch(p0);
    retries.failedDelivery(batch, new IllegalStateException("DLQ refused"), 1);
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

    clock.advance(Duration.ofSeconds(29));
    retries.failedDelivery(batch, new IllegalStateException("DLQ refused"), 7); // a later attempt keeps the start
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
    assertThat(gauge(p0)).isEqualTo(29.0);

    clock.advance(Duration.ofSeconds(2));
    assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
    assertThat(gauge(p0)).isEqualTo(31.0);
    assertThat(health.health(true).getDetails().get("failing").toString()).contains("page-views-0", "DLQ refused");

    progress.success(batch(p0, p1), null);
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
    assertThat(gauge(p0)).isZero();
    assertThat(gauge(p1)).isZero();
  }

  @Test
  void recoveryOrLosingThePartitionEndsTheStreak() {
    retries.failedDelivery(batch(p0, p1), new RuntimeException("x"), 1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
    retries.recovered(batch(p0), new RuntimeException("x"));
    assertThat(stalls.current()).containsOnlyKeys(p1);
    stalls.forget(List.of(p1));
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
  }

  private double gauge(TopicPartition tp) {
    return registry.get(PartitionStalls.STUCK_SECONDS).tag("topic", tp.topic())
        .tag("partition", Integer.toString(tp.partition())).gauge().value();
  }

  private static ConsumerRecords<String, byte[]> batch(TopicPartition... partitions) {
    Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> records = new java.util.HashMap<>();
    for (TopicPartition tp : partitions) {
      records.put(tp, List.of(new ConsumerRecord<>(tp.topic(), tp.partition(), 5L, "k", new byte[1])));
    }
    return new ConsumerRecords<>(records, Map.of());
  }

  private static IngestProperties properties(Duration stuckAfter) {
    IngestProperties.Ingest ingest = new IngestProperties.Ingest("x", IngestProperties.LakeStorageKind.LOCAL, Map.of(),
        new IngestProperties.Kafka("g", 1, 1, 10, DataSize.ofBytes(1), Duration.ofMillis(100), DataSize.ofMegabytes(1),
            Duration.ofMillis(100), Duration.ofSeconds(1)), new IngestProperties.Retry(Duration.ofMillis(100), 2, Duration.ofSeconds(1), stuckAfter),
        null, null, null, Duration.ofSeconds(30), false, Duration.ofSeconds(5));
    return new IngestProperties(null, ingest);
  }
}
