package com.eplly.bench.cluster;

import com.eplly.bench.ingest.IngestRunArgs;
import com.eplly.deploy.kafka.KafkaCluster;
import com.eplly.deploy.kafka.TopicLayout;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.process.ServiceLauncher;
import com.eplly.deploy.process.ServiceProcess;
import com.eplly.deploy.redis.RedisCluster;
import com.eplly.deploy.service.ApiService;
import com.eplly.deploy.service.IngestService;
import com.eplly.deploy.service.RepoLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import redis.clients.jedis.RedisClusterClient;

/**
 * Everything the cluster test runs: a multi-node KRaft cluster in this JVM, a Redis Cluster of
 * redis-server processes, the packaged api and several ingest processes sharing one consumer
 * group, all on free ports under one work folder.
 */
public final class ClusterStack implements AutoCloseable {

  /** Consumer group the ingest instances share. */
  static final String GROUP = "eplly-ingest-cluster";

  /** How long the api or an ingest instance may take to become ready: generous, for a machine shared with other builds. */
  private static final Duration START = Duration.ofSeconds(600);

  /**
   * The shape of the stack.
   *
   * @param brokers         Kafka nodes (combined broker+controller, all quorum voters)
   * @param partitions      partitions of page-views
   * @param redisMasters    Redis Cluster masters, each with one replica
   * @param ingestInstances ingest processes in one consumer group
   */
  public record Shape(int brokers, int partitions, int redisMasters, int ingestInstances) {

    /** Three brokers, six partitions, three Redis masters with replicas, two ingest instances. */
    public static final Shape DEFAULT = new Shape(3, 6, 3, 2);
  }

  private final Path work;
  private final List<AutoCloseable> started = new ArrayList<>();
  private KafkaCluster kafka;
  private RedisCluster redis;
  private RedisClusterClient redisClient;
  private ServiceProcess api;
  private final List<ServiceProcess> ingest = new ArrayList<>();

  private ClusterStack(Path work) {
    this.work = work;
  }

  /** Starts every part, printing what it started; on a failure, stops what was started and rethrows. */
  public static ClusterStack start(Path work, RepoLayout repo, Shape shape, PrintStream out) {
    repo.requireBuilt(List.of(repo.ingestJar(), repo.apiJar()));
    ClusterStack stack = new ClusterStack(work);
    ServiceLauncher launcher = new ServiceLauncher(repo, work, stack.logs());
    try {
      long t0 = System.nanoTime();
      stack.kafka = stack.track(KafkaCluster.start(work.resolve("kafka"), shape.brokers()));
      stack.kafka.createTopics(new TopicLayout(shape.partitions(), Math.min(3, shape.brokers())));
      out.printf(Locale.ROOT, "[cluster] Kafka: %d KRaft nodes (broker+controller), page-views %d partitions, RF %d, min ISR %d: %s%n",
          shape.brokers(), shape.partitions(), Math.min(3, shape.brokers()), Math.max(1, Math.min(3, shape.brokers()) - 1),
          stack.kafka.bootstrapServers());
      stack.redis = stack.track(RedisCluster.start(work.resolve("redis"), shape.redisMasters(), 1, "128mb"));
      stack.redisClient = stack.track(stack.redis.client());
      out.println("[cluster] Redis Cluster: " + stack.redis.describe());

      String bootstrap = stack.kafka.bootstrapServers();
      List<String> seeds = stack.redis.seeds();
      CompletableFuture<ServiceProcess> api = CompletableFuture.supplyAsync(() -> launcher.api(
          new ApiService(bootstrap, 0, seeds, Ports.free()), ApiService.UNLIMITED_INTAKE).awaitReady(START));
      List<CompletableFuture<ServiceProcess>> ingest = new ArrayList<>();
      for (int i = 1; i <= shape.ingestInstances(); i++) {
        String name = "ingest-" + i;
        ingest.add(CompletableFuture.supplyAsync(() -> launcher.ingest(
            new IngestService(bootstrap, 0, seeds, stack.lake(), Ports.free()), name, IngestRunArgs.with(GROUP, List.of()))
            .awaitReady(START)));
      }
      RuntimeException failure = null;
      for (CompletableFuture<ServiceProcess> f : ingest) {
        try {
          stack.ingest.add(stack.track(f.join()));
        } catch (CompletionException e) {
          failure = failure == null ? unwrap(e) : failure;
        }
      }
      try {
        stack.api = stack.track(api.join());
      } catch (CompletionException e) {
        failure = failure == null ? unwrap(e) : failure;
      }
      if (failure != null) {
        throw failure;
      }
      out.printf(Locale.ROOT, "[cluster] api on %s and %d ingest instances in group %s up after %.0f s (logs in %s)%n",
          stack.api.base(), shape.ingestInstances(), GROUP, (System.nanoTime() - t0) / 1e9, stack.logs());
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private static RuntimeException unwrap(CompletionException e) {
    return e.getCause() instanceof RuntimeException r ? r : e;
  }

  private <T extends AutoCloseable> T track(T part) {
    started.add(part);
    return part;
  }

  public KafkaCluster kafka() {
    return kafka;
  }

  public RedisCluster redis() {
    return redis;
  }

  /** A cluster client of the stack's Redis, closed with the stack. */
  public RedisClusterClient redisClient() {
    return redisClient;
  }

  public ServiceProcess api() {
    return api;
  }

  /** The ingest instances, in start order (killed ones included). */
  public List<ServiceProcess> ingest() {
    return ingest;
  }

  public Path lake() {
    return work.resolve("lake");
  }

  public Path logs() {
    return work.resolve("logs");
  }

  /** Stops everything, newest first, so processes go before the brokers and Redis they use. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        failure = failure == null ? new IllegalStateException("stopping the cluster stack failed", e) : failure;
      }
    }
    started.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
