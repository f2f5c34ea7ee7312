package com.eplly.bench.ingest;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The reference ingest is judged against: what its four necessary jobs cost when each runs alone on
 * the same records, one thread each. (a) consuming (the bare consumer, measured by the caller), (b)
 * JSON decoding and validation, (c) appending the lake lines with ingest's fsync cadence (one
 * fsynced, renamed file per partition, hour and poll of {@value #POLL_RECORDS} records), (d) the
 * minimal live-state commands ({@link MinimalLiveCommands}), pipelined per chunk of
 * {@value #CHUNK} views. The ceiling is 1 / (sum of the four per-event times): what ingest would
 * reach if it did nothing but those, one after the other.
 */
final class CompositeCeiling {

  /** Ingest's default max-poll-records: one lake file per (partition, hour) per poll. */
  static final int POLL_RECORDS = 5_000;
  /** Ingest's default max-events-per-script. */
  static final int CHUNK = 500;

  /** One stage alone: wall seconds and CPU seconds (this thread, plus redis-server for the Redis stage). */
  record Stage(String name, long events, double seconds, double cpuSeconds) {
    double micros() {
      return seconds * 1e6 / events;
    }

    double cpuMicros() {
      return cpuSeconds * 1e6 / events;
    }
  }

  /** The four stages, the ceiling they make, and the Redis stage's commands. */
  record Result(List<Stage> stages, long redisCommands) {
    double perSecond() {
      return 1e6 / stages.stream().mapToDouble(Stage::micros).sum();
    }

    /** The same from CPU time: steadier than wall time on a shared machine, comparable to ingest's events per CPU second. */
    double perCpuSecond() {
      return 1e6 / stages.stream().mapToDouble(Stage::cpuMicros).sum();
    }
  }

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  /**
   * @param consume   stage (a), measured by the caller
   * @param records   what the bare consumer read, each partition's in offset order
   * @param lakeRoot  a scratch lake (not the one ingest writes)
   * @param redis     the stack's Redis; flushed afterwards so that ingest starts from an empty one
   */
  Result measure(Stage consume, List<ConsumerRecord<byte[], byte[]>> records, Path lakeRoot, Jedis redis) {
    Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = new TreeMap<>();
    records.forEach(r -> byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r));

    Map<Integer, List<PageView>> views = new TreeMap<>();
    Stage decode = timed("decode", records.size(), () -> byPartition.forEach((partition, rs) -> {
      List<PageView> decoded = new ArrayList<>(rs.size()); // null where invalid, so it lines up with the records
      for (ConsumerRecord<byte[], byte[]> r : rs) {
        decoded.add(codec.decodePageView(r.value()) instanceof Decoded.Valid<PageView> v ? v.value() : null);
      }
      views.put(partition, decoded);
    }));

    LakeAppend lake = new LakeAppend(lakeRoot.resolve(LakeLayout.PAGE_VIEWS));
    Stage append = timed("lake", records.size(), () -> byPartition.forEach((partition, rs) -> {
      List<PageView> vs = views.get(partition);
      for (int from = 0; from < rs.size(); from += POLL_RECORDS) {
        int to = Math.min(rs.size(), from + POLL_RECORDS);
        Map<String, List<byte[]>> byHour = new LinkedHashMap<>();
        Map<String, long[]> range = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
          if (vs.get(i) == null) {
            continue;
          }
          String hour = LakeLayout.hourFolder(vs.get(i).timestamp());
          byHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(rs.get(i).value());
          range.computeIfAbsent(hour, h -> new long[] {Long.MAX_VALUE, -1});
          long[] r = range.get(hour);
          r[0] = Math.min(r[0], rs.get(i).offset());
          r[1] = Math.max(r[1], rs.get(i).offset());
        }
        byHour.forEach((hour, lines) -> lake.publish(hour, partition, range.get(hour)[0], range.get(hour)[1], lines));
      }
    }));

    List<List<PageView>> valid = views.values().stream()
        .map(vs -> vs.stream().filter(java.util.Objects::nonNull).toList()).toList();
    double redisCpuBefore = CpuMeter.redis(redis);
    MinimalLiveCommands live = new MinimalLiveCommands(System.currentTimeMillis());
    long[] sent = {0};
    Stage commands = timed("redis", records.size(), () -> valid.forEach(vs -> {
      for (int from = 0; from < vs.size(); from += CHUNK) {
        try (Pipeline p = redis.pipelined()) {
          live.queue(p, vs.subList(from, Math.min(vs.size(), from + CHUNK)));
          sent[0] += p.syncAndReturnAll().size();
        }
      }
    }));
    commands = new Stage(commands.name(), commands.events(), commands.seconds(),
        commands.cpuSeconds() + CpuMeter.redis(redis) - redisCpuBefore);
    redis.flushAll();
    return new Result(List.of(consume, decode, append, commands), sent[0]);
  }

  private Stage timed(String name, long events, Runnable work) {
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    work.run();
    return new Stage(name, events, (System.nanoTime() - t0) / 1e9, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
  }
}
