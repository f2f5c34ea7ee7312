package com.eplly.ingest.monitoring;

import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.traffic.IngestMinuteTraffic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Once a minute, merges this instance's ingest figures into that minute's hash
 * ({@link Keyspace#ingestTraffic}) for the console: records accepted and dead-lettered per topic
 * since the last flush (from the {@link IngestMetrics} counters), each partition's consumer lag
 * (Kafka's {@code records-lag}, the largest over this instance's consumer groups) and the newest
 * event through the lake and the live state. One pipelined round trip; a minute whose write fails
 * is lost (logged), as the api's traffic figures are.
 */
@Component
public class IngestTrafficRollup {

  /** Kafka's per-partition lag as bound to Micrometer by {@link ConsumerLagMetrics}. */
  static final String LAG_METER = "kafka.consumer.fetch.manager.records.lag";

  /** HSET each (field, value) pair of ARGV unless the stored value is already larger. */
  private static final String MAX_SCRIPT = """
      for i = 1, #ARGV, 2 do
        local old = tonumber(redis.call('HGET', KEYS[1], ARGV[i]))
        if old == nil or tonumber(ARGV[i + 1]) > old then
          redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
        end
      end
      return 0""";

  private static final Logger log = LoggerFactory.getLogger(IngestTrafficRollup.class);

  private final IngestMetrics metrics;
  private final MeterRegistry registry;
  private final UnifiedJedis redis;
  private final Clock clock;
  private final Map<String, Double> flushedAccepted = new HashMap<>();
  private final Map<String, Double> flushedRejected = new HashMap<>();

  public IngestTrafficRollup(IngestMetrics metrics, MeterRegistry registry, UnifiedJedis redis, Clock clock) {
    this.metrics = metrics;
    this.registry = registry;
    this.redis = redis;
    this.clock = clock;
  }

  /** At second 0 of every minute, UTC. */
  @Scheduled(cron = "0 * * * * *", zone = "UTC")
  public void flushEndedMinute() {
    flush(clock.millis() / 60_000 - 1);
  }

  /** A stopping instance hands over its partial minute. */
  @PreDestroy
  public void flushCurrentMinute() {
    flush(clock.millis() / 60_000);
  }

  /** Merges everything counted since the last flush, and the current lags and newest events, into {@code epochMinute}. */
  public synchronized void flush(long epochMinute) {
    IngestMinuteTraffic figures = new IngestMinuteTraffic(since(IngestMetrics.ACCEPTED, flushedAccepted),
        since(IngestMetrics.REJECTED, flushedRejected), lagByPartition(), metrics.newestEvents());
    String key = Keyspace.ingestTraffic(epochMinute);
    Map<String, Long> maxima = figures.maxima();
    List<String> args = new ArrayList<>(2 * maxima.size());
    maxima.forEach((field, value) -> {
      args.add(field);
      args.add(Long.toString(value));
    });
    try (AbstractPipeline p = redis.pipelined()) {
      figures.sums().forEach((field, n) -> p.hincrBy(key, field, n));
      if (!args.isEmpty()) {
        p.eval(MAX_SCRIPT, List.of(key), args);
      }
      p.expire(key, Keyspace.TRAFFIC_TTL.toSeconds());
      p.sync();
    } catch (JedisException e) {
      log.warn("ingest figures of minute {} lost: {}", epochMinute, e.toString());
    }
  }

  /** Each topic's count since the last call, moving {@code flushed} to the current totals. */
  private Map<String, Long> since(String counter, Map<String, Double> flushed) {
    Map<String, Long> delta = new TreeMap<>();
    metrics.totalsByTopic(counter).forEach((topic, total) -> {
      long n = Math.round(total - flushed.getOrDefault(topic, 0.0));
      flushed.put(topic, total);
      if (n > 0) {
        delta.put(topic, n);
      }
    });
    return delta;
  }

  private Map<String, Long> lagByPartition() {
    Map<String, Long> lag = new TreeMap<>();
    for (Gauge gauge : registry.find(LAG_METER).gauges()) {
      String topic = gauge.getId().getTag("topic");
      String partition = gauge.getId().getTag("partition");
      double value = gauge.value();
      if (topic != null && partition != null && !Double.isNaN(value)) {
        lag.merge(IngestMinuteTraffic.partition(topic, Integer.parseInt(partition)), Math.round(value), Math::max);
      }
    }
    return lag;
  }
}
