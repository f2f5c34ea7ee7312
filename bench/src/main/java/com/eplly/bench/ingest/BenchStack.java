package com.eplly.bench.ingest;

import com.eplly.deploy.kafka.BrokerSettings;
import com.eplly.deploy.kafka.KafkaBroker;
import com.eplly.deploy.kafka.TopicLayout;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.redis.LocalRedis;
import com.eplly.deploy.redis.RedisServerSettings;
import com.eplly.deploy.service.RepoLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import redis.clients.jedis.RedisClient;

/**
 * What an ingest benchmark runs against: an in-JVM KRaft broker with the page-view topics, a
 * redis-server and a lake folder, all on free ports under one fresh work folder.
 */
public final class BenchStack implements AutoCloseable {

  private final Path work;
  private final RepoLayout repo;
  private final KafkaBroker broker;
  private final LocalRedis redis;
  private final RedisClient client;
  private final boolean deleteWork;

  private BenchStack(Path work, RepoLayout repo, KafkaBroker broker, LocalRedis redis, boolean deleteWork) {
    this.work = work;
    this.repo = repo;
    this.broker = broker;
    this.redis = redis;
    this.client = RedisClient.create("localhost", redis.port());
    this.deleteWork = deleteWork;
  }

  /**
   * @param work        fresh folder for Kafka logs, Redis, the lake and process logs
   * @param partitions  partitions of {@code page-views}
   * @param redisMemory Redis maxmemory (Redis syntax); high enough that nothing is evicted
   * @param deleteWork  whether {@link #close} deletes the data in the work folder (logs are kept)
   */
  public static BenchStack start(Path work, RepoLayout repo, int partitions, String redisMemory, boolean deleteWork) {
    if (!Files.isRegularFile(repo.ingestJar())) {
      throw new IllegalStateException("not built yet: " + repo.ingestJar() + " - run `mvn -B -DskipTests -pl ingest package`");
    }
    int[] free = Ports.distinct(3);
    KafkaBroker broker = KafkaBroker.start(new BrokerSettings("localhost", free[0], free[1], work.resolve("kafka")));
    try {
      broker.createTopics(new TopicLayout(partitions));
      LocalRedis redis = LocalRedis.start(new RedisServerSettings(free[2], redisMemory, work.resolve("redis")));
      return new BenchStack(work, repo, broker, redis, deleteWork);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  public Path work() {
    return work;
  }

  public RepoLayout repo() {
    return repo;
  }

  public KafkaBroker broker() {
    return broker;
  }

  public LocalRedis redis() {
    return redis;
  }

  /** A pooled client of the stack's Redis, closed with the stack. */
  public RedisClient redisClient() {
    return client;
  }

  public Path lake() {
    return work.resolve("lake");
  }

  public Path logs() {
    return work.resolve("logs");
  }

  @Override
  public void close() {
    try {
      client.close();
      redis.close();
    } finally {
      broker.close();
      if (deleteWork) { // the bulky data goes; process logs stay for reading
        delete(work.resolve("kafka"));
        delete(work.resolve("redis"));
        delete(lake());
      }
    }
  }

  private static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
