package com.eplly.api.traffic;

import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.traffic.MinuteTraffic;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Once a minute, adds this instance's figures of the minute that just ended to that minute's hash
 * ({@link Keyspace#apiTraffic}) in one pipelined round trip, so the hash holds the sum over every
 * instance. Requests finishing in the few milliseconds between the minute's end and the drain are
 * counted in the minute before; a minute whose write fails is lost (logged), never retried into
 * another minute.
 */
@Component
public class TrafficRollup {

  private static final Logger log = LoggerFactory.getLogger(TrafficRollup.class);

  private final TrafficRecorder recorder;
  private final UnifiedJedis redis;
  private final Clock clock;

  public TrafficRollup(TrafficRecorder recorder, UnifiedJedis redis, Clock clock) {
    this.recorder = recorder;
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

  /** Adds everything recorded since the last flush to {@code epochMinute}'s hash. */
  public void flush(long epochMinute) {
    MinuteTraffic figures = recorder.drain();
    Map<String, Long> fields = figures.fields();
    if (fields.isEmpty()) {
      return;
    }
    String key = Keyspace.apiTraffic(epochMinute);
    try (AbstractPipeline p = redis.pipelined()) {
      fields.forEach((field, n) -> p.hincrBy(key, field, n));
      p.expire(key, Keyspace.TRAFFIC_TTL.toSeconds());
      p.sync();
    } catch (JedisException e) {
      log.warn("traffic figures of minute {} lost ({} requests): {}", epochMinute, figures.requests(), e.toString());
    }
  }
}
