package com.eplly.ingest.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.Topics;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.testing.MutableClock;
import com.eplly.contracts.traffic.IngestMinuteTraffic;
import com.eplly.ingest.support.EmptyRedisTest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Two ingest instances merging their minute into one hash on a real redis-server. */
class IngestTrafficRollupTest extends EmptyRedisTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:30Z");
  private static final long MINUTE = NOW.getEpochSecond() / 60;

  private final MutableClock clock = new MutableClock(NOW);

  @Test
  void countsAddUpWhileLagAndNewestEventKeepTheirMaximumAcrossInstances() {
    Instance one = new Instance();
    Instance two = new Instance();
    one.metrics.accepted(Topics.PAGE_VIEWS, 100);
    one.metrics.rejected(Topics.PAGE_VIEWS, "invalid JSON");
    one.metrics.reached(IngestMinuteTraffic.LAKE, 5_000);
    one.lag(Topics.PAGE_VIEWS, 0, 40);
    two.metrics.accepted(Topics.PAGE_VIEWS, 30);
    two.metrics.accepted(Topics.IMPRESSIONS, 7);
    two.metrics.reached(IngestMinuteTraffic.LAKE, 9_000);
    two.metrics.reached(IngestMinuteTraffic.LAKE, 8_000);
    two.lag(Topics.PAGE_VIEWS, 0, 15);
    two.lag(Topics.PAGE_VIEWS, 1, 3);

    one.rollup.flush(MINUTE);
    two.rollup.flush(MINUTE);

    IngestMinuteTraffic merged = IngestMinuteTraffic.of(redis.hgetAll(Keyspace.ingestTraffic(MINUTE)));
    assertEquals(Map.of(Topics.PAGE_VIEWS, 130L, Topics.IMPRESSIONS, 7L), merged.events());
    assertEquals(Map.of(Topics.PAGE_VIEWS, 1L), merged.deadLetters());
    assertEquals(Map.of("page-views-0", 40L, "page-views-1", 3L), merged.lag());
    assertEquals(Map.of(IngestMinuteTraffic.LAKE, 9_000L), merged.newest());
    long ttl = redis.ttl(Keyspace.ingestTraffic(MINUTE));
    assertTrue(ttl > 0 && ttl <= Keyspace.TRAFFIC_TTL.toSeconds(), "ttl " + ttl);
  }

  @Test
  void aFlushCountsOnlyWhatCameSinceTheLastOne() {
    Instance one = new Instance();
    one.metrics.accepted(Topics.PAGE_VIEWS, 100);
    one.rollup.flush(MINUTE);
    one.metrics.accepted(Topics.PAGE_VIEWS, 25);
    one.rollup.flush(MINUTE + 1);
    one.rollup.flush(MINUTE + 2);

    assertEquals("100", redis.hget(Keyspace.ingestTraffic(MINUTE), "events." + Topics.PAGE_VIEWS));
    assertEquals("25", redis.hget(Keyspace.ingestTraffic(MINUTE + 1), "events." + Topics.PAGE_VIEWS));
    assertEquals(null, redis.hget(Keyspace.ingestTraffic(MINUTE + 2), "events." + Topics.PAGE_VIEWS));
  }

  @Test
  void theScheduledFlushWritesTheMinuteThatJustEnded() {
    Instance one = new Instance();
    one.metrics.accepted(Topics.PAGE_VIEWS, 3);
    one.rollup.flushEndedMinute();
    assertEquals("3", redis.hget(Keyspace.ingestTraffic(MINUTE - 1), "events." + Topics.PAGE_VIEWS));
  }

  /** One ingest process's meters and rollup. */
  private final class Instance {
    final MeterRegistry registry = new SimpleMeterRegistry();
    final IngestMetrics metrics = new IngestMetrics(registry);
    final IngestTrafficRollup rollup = new IngestTrafficRollup(metrics, registry, redis, clock);

    /** Kafka's records-lag gauge of one partition, as the client metrics binding registers it. */
    void lag(String topic, int partition, long records) {
      Gauge.builder(IngestTrafficRollup.LAG_METER, new AtomicLong(records), AtomicLong::get)
          .tag("topic", topic).tag("partition", Integer.toString(partition)).tag("client.id", "c" + partition)
          .register(registry);
    }
  }
}
