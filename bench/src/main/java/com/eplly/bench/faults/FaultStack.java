package com.eplly.bench.faults;

import com.eplly.contracts.Topics;
import com.eplly.bench.ingest.IngestRunArgs;
import com.eplly.deploy.kafka.BrokerSettings;
import com.eplly.deploy.kafka.KafkaBroker;
import com.eplly.deploy.kafka.TopicLayout;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.process.ServiceLauncher;
import com.eplly.deploy.process.ServiceProcess;
import com.eplly.deploy.redis.LocalRedis;
import com.eplly.deploy.redis.RedisServerSettings;
import com.eplly.deploy.service.ApiService;
import com.eplly.deploy.service.IngestService;
import com.eplly.deploy.service.RepoLayout;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import redis.clients.jedis.RedisClient;

/**
 * What the intake fault run starts, all on loopback and free ports under one work folder: an
 * in-JVM KRaft broker ({@code page-views} with {@link #PARTITIONS} partitions, its
 * max.message.bytes raised so a compressed oversized record is accepted; the dead-letter topic
 * keeps the 1 MB default), a redis-server, a {@link RedisProxy} in front of it for ingest, the
 * lake on a {@link TmpfsLake}, and the packaged api and ingest processes.
 */
public final class FaultStack implements AutoCloseable {

  /** Partitions of page-views: one per case that sends views, so a stalled partition stalls one case only. */
  public static final int PARTITIONS = 4;

  /** max.message.bytes of page-views: large enough for an uncompressed 5 MB record too. */
  static final int PAGE_VIEWS_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private static final Duration API_START = Duration.ofSeconds(240);
  private static final Duration INGEST_START = Duration.ofSeconds(600);

  private final Path work;
  private final PrintStream out;
  private BrokerSettings brokerSettings;
  private KafkaBroker broker;
  private LocalRedis redis;
  private RedisClient redisClient;
  private RedisProxy proxy;
  private TmpfsLake lake;
  private ServiceProcess api;
  private int apiPort;
  private ServiceProcess ingest;
  private boolean closed;

  private FaultStack(Path work, PrintStream out) {
    this.work = work;
    this.out = out;
  }

  /**
   * Starts every part; on a failure stops what was started and rethrows.
   *
   * @param ingestArgs further {@code --key=value} settings of ingest (after the stack's own)
   * @param apiArgs    further {@code --key=value} settings of the api
   */
  public static FaultStack start(Path work, RepoLayout repo, int lakeMb, List<String> ingestArgs, List<String> apiArgs,
      PrintStream out) {
    FaultStack s = create(work, out);
    s.start(repo, lakeMb, ingestArgs, apiArgs);
    return s;
  }

  /** A stack not started yet: hand it to a shutdown hook first, then {@link #start(RepoLayout, int, List, List)} it. */
  public static FaultStack create(Path work, PrintStream out) {
    return new FaultStack(work, out);
  }

  /** Starts every part; on a failure stops what was started and rethrows. */
  public void start(RepoLayout repo, int lakeMb, List<String> ingestArgs, List<String> apiArgs) {
    repo.requireBuilt(List.of(repo.ingestJar(), repo.apiJar()));
    try {
      startAll(repo, lakeMb, ingestArgs, apiArgs);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void startAll(RepoLayout repo, int lakeMb, List<String> ingestArgs, List<String> apiArgs) {
    long t0 = System.nanoTime();
    int[] ports = Ports.distinct(5);
    lake = TmpfsLake.mount(work.resolve("lake"), lakeMb);
    out.println(lake.mounted() ? "[faults] lake: tmpfs of " + lakeMb + " MB on " + lake.dir()
        : "[faults] lake: plain folder " + lake.dir() + " (no tmpfs: " + lake.whyNotMounted() + "; the lake-full case will fail)");

    brokerSettings = new BrokerSettings("localhost", ports[0], ports[1], work.resolve("kafka"));
    broker = KafkaBroker.start(brokerSettings);
    broker.createTopics(new TopicLayout(PARTITIONS));
    raisePageViewMessageSize();
    out.printf(Locale.ROOT, "[faults] Kafka: 1 KRaft node on %s, %s %d partitions (max.message.bytes %d MB), %s default (1 MB)%n",
        broker.bootstrapServers(), Topics.PAGE_VIEWS, PARTITIONS, PAGE_VIEWS_MAX_MESSAGE_BYTES >> 20, Topics.PAGE_VIEWS_DLQ);

    redis = LocalRedis.start(new RedisServerSettings(ports[2], "256mb", work.resolve("redis")));
    redisClient = RedisClient.create("localhost", redis.port());
    proxy = RedisProxy.start(ports[3], redis.port());
    out.printf(Locale.ROOT, "[faults] Redis: redis-server on %d; ingest goes through the proxy on %d%n", redis.port(), proxy.port());

    apiPort = ports[4];
    ServiceLauncher launcher = new ServiceLauncher(repo, work, logs());
    CompletableFuture<ServiceProcess> apiStart = CompletableFuture.supplyAsync(() -> launcher.api(
        new ApiService(broker.bootstrapServers(), redis.port(), apiPort), apiArgs).awaitReady(API_START));
    CompletableFuture<ServiceProcess> ingestStart = CompletableFuture.supplyAsync(() -> launcher.ingest(
        new IngestService(broker.bootstrapServers(), proxy.port(), lake.dir(), Ports.free()), "ingest",
        IngestRunArgs.with("eplly-ingest-faults", ingestArgs)).awaitReady(INGEST_START));
    try {
      api = apiStart.join();
    } catch (CompletionException e) {
      ingestStart.handle((p, x) -> { if (p != null) { p.close(); } return null; }).join();
      throw unwrap(e);
    }
    try {
      ingest = ingestStart.join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
    out.printf(Locale.ROOT, "[faults] api on http://127.0.0.1:%d, ingest up (logs in %s); stack up in %.0f s%n", apiPort, logs(),
        (System.nanoTime() - t0) / 1e9);
  }

  private static RuntimeException unwrap(CompletionException e) {
    return e.getCause() instanceof RuntimeException r ? r : e;
  }

  /** Lets page-views take a record larger than the broker's 1 MB default (the dead-letter topic keeps it). */
  private void raisePageViewMessageSize() {
    try (Admin admin = broker.admin()) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PAGE_VIEWS);
      admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
          new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(PAGE_VIEWS_MAX_MESSAGE_BYTES)),
          AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot raise max.message.bytes of " + Topics.PAGE_VIEWS + ": " + e, e);
    }
  }

  public Path work() {
    return work;
  }

  public Path logs() {
    return work.resolve("logs");
  }

  public String bootstrapServers() {
    return brokerSettings.bootstrapServers();
  }

  public boolean brokerRunning() {
    return broker != null;
  }

  /** Shuts the broker down (controlled shutdown, in this JVM). */
  public void stopBroker() {
    if (broker != null) {
      KafkaBroker b = broker;
      broker = null;
      b.close();
    }
  }

  /** Starts the broker again on the same ports and log folder. */
  public void restartBroker() {
    if (broker == null) {
      broker = KafkaBroker.start(brokerSettings);
    }
  }

  public RedisClient redis() {
    return redisClient;
  }

  public RedisProxy proxy() {
    return proxy;
  }

  public TmpfsLake lake() {
    return lake;
  }

  public Path lakeDir() {
    return lake.dir();
  }

  public ServiceProcess ingest() {
    return ingest;
  }

  public ServiceProcess api() {
    return api;
  }

  public int apiPort() {
    return apiPort;
  }

  public URI apiBase() {
    return URI.create("http://127.0.0.1:" + apiPort + "/");
  }

  private static void stopDescendants() {
    List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    left.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (left.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** Stops everything in reverse order; the tmpfs is unmounted last, after the processes that use it. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Runnable> steps = new ArrayList<>();
    steps.add(() -> { if (ingest != null) { ingest.close(); } });
    steps.add(() -> { if (api != null) { api.close(); } });
    steps.add(() -> { if (proxy != null) { proxy.close(); } });
    steps.add(() -> { if (redisClient != null) { redisClient.close(); } });
    steps.add(() -> { if (redis != null) { redis.close(); } });
    steps.add(this::stopBroker);
    // Whatever this JVM started and is still running (e.g. an ingest still starting when the run's
    // deadline hit, which no field holds yet): only our own descendants, by process handle.
    steps.add(FaultStack::stopDescendants);
    steps.add(() -> { if (lake != null) { lake.close(); } });
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (RuntimeException e) {
        out.println("[faults] cleanup step failed: " + e);
      }
    }
  }
}
