package com.eplly.bench.ingest;

import com.eplly.deploy.process.ServiceProcess;
import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.deploy.lake.LakeProgress;
import com.eplly.deploy.process.Await;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import redis.clients.jedis.Jedis;

/**
 * Throughput: preloads page views, measures a bare KafkaConsumer draining the topic and the other
 * stages of the {@link CompositeCeiling} on the same records, then the real ingest jar with a fresh
 * group from its first to its last lake write, with the CPU each process spent per event.
 */
public final class ThroughputRun {

  /**
   * @param events      page views to preload
   * @param partitions  partitions of page-views
   * @param concurrency ingest consumer threads
   * @param extraArgs   further ingest settings, e.g. {@code --eplly.ingest.kafka.max-poll-records=5000}
   */
  public record Options(int events, int partitions, int concurrency, List<String> extraArgs) {}

  /** Measured rates (events/s) and the ingest's startup time. */
  public record Result(long events, double raw, double ingest, double startupSeconds, double rawPerCpu, double ingestPerCpu) {
    public double ratio() {
      return ingest / raw;
    }
  }

  private final BenchStack stack;
  private final PrintStream out;

  public ThroughputRun(BenchStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  public Result run(Options o) {
    DemoDataGenerator data = new DemoDataGenerator(new DemoConfig(11L, 500, Math.max(1_000, o.events() / 10),
        o.events(), System.currentTimeMillis(), Duration.ofDays(3)));
    out.printf(Locale.ROOT, "[throughput] preloading %,d page views into %s (%d partitions)%n", o.events(), Topics.PAGE_VIEWS, o.partitions());
    PageViewLoad.Result sent;
    try (Producer<String, byte[]> producer = FastProducer.create(stack.broker().bootstrapServers())) {
      sent = new PageViewLoad(producer, new EventCodec(Clock.systemUTC()), out).send(data.pageViews(), o.events(), null);
    }
    out.printf(Locale.ROOT, "[throughput] preloaded %,d in %.1f s (%.0f events/s)%n", sent.sent(), sent.seconds(), sent.perSecond());

    double rawCpu = CpuMeter.thisJvm();
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>((int) sent.sent());
    CompositeCeiling.Stage consume = rawConsumer(sent.sent(), records);
    rawCpu = CpuMeter.thisJvm() - rawCpu; // consumer and broker, both in this JVM
    double raw = consume.events() / consume.seconds();
    out.printf(Locale.ROOT, "[throughput] raw consumer: %,d events in %.0f events/s%n", sent.sent(), raw);
    CompositeCeiling.Result ceiling;
    try (Jedis jedis = new Jedis("localhost", stack.redis().port(), 120_000)) { // flushing a loaded Redis takes a while
      ceiling = new CompositeCeiling().measure(new CompositeCeiling.Stage("consume", consume.events(), consume.seconds(),
          rawCpu * consume.events() / sent.sent()), records, stack.work().resolve("ceiling-lake"), jedis);
    }
    records.clear();
    StringBuilder stages = new StringBuilder();
    ceiling.stages().forEach(st -> stages.append(String.format(Locale.ROOT, " %s %.2f (%.2f)", st.name(), st.micros(), st.cpuMicros())));
    out.printf(Locale.ROOT, "[throughput] ceiling stages alone, µs per event wall (CPU):%s; minimal Redis commands per event %.2f%n",
        stages, ceiling.redisCommands() / (double) sent.sent());

    List<String> args = new ArrayList<>(o.extraArgs());
    args.add("--eplly.ingest.kafka.page-view-concurrency=" + o.concurrency());
    Map<String, Long> commandsBefore = redisCommands();
    long startT = System.nanoTime();
    try (ServiceProcess ingest = stack.startIngest("ingest-throughput", "bench-" + UUID.randomUUID(), args)) {
      double startup = (System.nanoTime() - startT) / 1e9;
      // Polled lake progress: the first observation with records and the one that completes the load.
      long[] firstAt = {-1};
      long[] firstCount = {0};
      long[] doneAt = {-1};
      double[] cpuAtFirst = new double[3]; // ingest JVM, Redis, this JVM (broker)
      double[] cpuAtDone = new double[3];
      Jedis jedis = new Jedis("localhost", stack.redis().port());
      long[] reported = {0};
      long step = Math.max(1, sent.sent() / 10);
      // this JVM's CPU counts as the broker's: the lake polling below is taken out of it
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[] probeCpuNanos = {0};
      Await.until("ingest to write all " + sent.sent() + " events", Duration.ofSeconds(120 + sent.sent() / 2_000),
          ingest.child(), () -> {
            long probeStart = threads.getCurrentThreadCpuTime();
            long n = LakeProgress.offsetsCovered(stack.lake(), LakeLayout.PAGE_VIEWS);
            long t = System.nanoTime();
            if (firstAt[0] >= 0) {
              probeCpuNanos[0] += threads.getCurrentThreadCpuTime() - probeStart;
            }
            if (n > 0 && firstAt[0] < 0) {
              firstAt[0] = t;
              firstCount[0] = n;
              sampleCpu(cpuAtFirst, ingest, jedis);
            }
            if (n / step > reported[0] / step) {
              out.printf(Locale.ROOT, "  lake %,d / %,d%n", n, sent.sent());
              reported[0] = n;
            }
            if (n >= sent.sent()) {
              doneAt[0] = t;
              sampleCpu(cpuAtDone, ingest, jedis);
              return true;
            }
            return false;
          });
      double seconds = Math.max(1e-3, (doneAt[0] - firstAt[0]) / 1e9);
      double rate = (sent.sent() - firstCount[0]) / seconds;
      out.printf(Locale.ROOT, "[throughput] ingest: %,d events from first to last lake write in %.1f s%n", sent.sent() - firstCount[0], seconds);
      jedis.close();
      double[] used = {cpuAtDone[0] - cpuAtFirst[0], cpuAtDone[1] - cpuAtFirst[1],
          cpuAtDone[2] - cpuAtFirst[2] - probeCpuNanos[0] / 1e9};
      double ingestCpu = used[0] + used[1] + used[2];
      Result r = new Result(sent.sent(), raw, rate, startup, sent.sent() / rawCpu, (sent.sent() - firstCount[0]) / ingestCpu);
      out.printf(Locale.ROOT, "[throughput] CPU seconds: raw consumer + broker %.1f; ingest %.1f = ingest JVM %.1f + Redis %.1f + broker %.1f%n",
          rawCpu, ingestCpu, used[0], used[1], used[2]);
      printCommandsPerEvent(commandsBefore, redisCommands(), sent.sent());
      out.printf(Locale.ROOT, "raw     %,.0f events/s (bare KafkaConsumer, same topic, same run)%n", r.raw());
      out.printf(Locale.ROOT, "ingest  %,.0f events/s (validation + lake + live state; startup %.1f s not counted)%n",
          r.ingest(), r.startupSeconds());
      out.printf(Locale.ROOT, "ratio   %.2f (to the bare consumer alone: the retired reference, kept for comparison)%n", r.ratio());
      out.printf(Locale.ROOT, "per CPU second: raw %,.0f events, ingest %,.0f events; ratio per CPU %.2f%n",
          r.rawPerCpu(), r.ingestPerCpu(), r.ingestPerCpu() / r.rawPerCpu());
      out.printf(Locale.ROOT, "ceiling %,.0f events/s (1 / the sum of consume, decode, lake and minimal Redis commands, each alone)%n",
          ceiling.perSecond());
      out.printf(Locale.ROOT, "ingest/ceiling %.2f (target >= 0.5; target ingest >= 150,000 events/s)%n", r.ingest() / ceiling.perSecond());
      out.printf(Locale.ROOT, "per CPU second: ceiling %,.0f events, ingest %,.0f events; ingest/ceiling per CPU %.2f%n",
          ceiling.perCpuSecond(), r.ingestPerCpu(), r.ingestPerCpu() / ceiling.perCpuSecond());
      double perEvent = 1e6 / (sent.sent() - firstCount[0]);
      out.printf(Locale.ROOT, "CPU µs per event %.1f = ingest JVM %.1f + Redis %.1f + broker %.1f (target <= 8)%n",
          ingestCpu * perEvent, used[0] * perEvent, used[1] * perEvent, used[2] * perEvent);
      var os = ManagementFactory.getOperatingSystemMXBean();
      out.printf(Locale.ROOT, "[throughput] machine: %d cores, load average %.1f (broker, Redis, ingest and this JVM share them)%n",
          os.getAvailableProcessors(), os.getSystemLoadAverage());
      return r;
    }
  }

  private static void sampleCpu(double[] into, ServiceProcess ingest, Jedis jedis) {
    into[0] = CpuMeter.process(ingest.child().pid());
    into[1] = CpuMeter.redis(jedis);
    into[2] = CpuMeter.thisJvm();
  }

  /** Calls per Redis command so far, from {@code INFO commandstats}. */
  private Map<String, Long> redisCommands() {
    try (Jedis jedis = new Jedis("localhost", stack.redis().port())) {
      Map<String, Long> calls = new TreeMap<>();
      for (String line : jedis.info("commandstats").split("\r?\n")) {
        if (line.startsWith("cmdstat_")) {
          String name = line.substring("cmdstat_".length(), line.indexOf(':'));
          int from = line.indexOf("calls=") + "calls=".length();
          calls.put(name, Long.parseLong(line.substring(from, line.indexOf(',', from))));
        }
      }
      return calls;
    }
  }

  private void printCommandsPerEvent(Map<String, Long> before, Map<String, Long> after, long events) {
    StringBuilder perCommand = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long n = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      total += n;
      if (n >= events / 100) { // the ingest's own commands, not the bench's probes
        perCommand.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), n / (double) events));
      }
    }
    out.printf(Locale.ROOT, "[throughput] Redis commands per event: %.2f (%s)%n", total / (double) events, perCommand.toString().trim());
  }

  /**
   * A bare consumer (bytes in, nothing done) reading every partition from the start until {@code n}
   * records, kept in {@code into} for the ceiling's other stages; the events and wall seconds after its first poll.
   */
  private CompositeCeiling.Stage rawConsumer(long n, List<ConsumerRecord<byte[], byte[]>> into) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(Topics.PAGE_VIEWS).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long count = 0;
      long bytes = 0;
      // Timed like the ingest: from the first records received to the last, the first poll's records not
      // counted, so that neither side is charged for joining, metadata or its first fetch.
      long firstAt = -1;
      long firstCount = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (count < n && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
        for (var r : batch) {
          bytes += r.value().length; // touch the payload like a real consumer would
          into.add(r);
        }
        count += batch.count();
        if (firstAt < 0 && count > 0) {
          firstAt = System.nanoTime();
          firstCount = count;
        }
      }
      double seconds = Math.max(1e-3, (System.nanoTime() - firstAt) / 1e9);
      if (count < n) {
        throw new IllegalStateException("raw consumer read only " + count + " of " + n + " records");
      }
      out.printf(Locale.ROOT, "[throughput] raw consumer read %,d records (%,d MB); %,d after its first poll in %.2f s%n",
          count, bytes >> 20, count - firstCount, seconds);
      return new CompositeCeiling.Stage("consume", count - firstCount, seconds, 0);
    }
  }
}
