package com.eplly.bench.ingest;

import com.eplly.deploy.kafka.BrokerSettings;
import com.eplly.deploy.kafka.KafkaBroker;
import com.eplly.deploy.kafka.TopicLayout;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.process.ServiceLauncher;
import com.eplly.deploy.process.ServiceProcess;
import com.eplly.deploy.process.WorkFolder;
import com.eplly.deploy.redis.LocalRedis;
import com.eplly.deploy.redis.RedisServerSettings;
import com.eplly.deploy.service.ApiService;
import com.eplly.deploy.service.IngestService;
import com.eplly.deploy.service.RepoLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * What an ingest benchmark runs against: an in-JVM KRaft broker with the page-view topics, a
 * redis-server and a lake folder, all on free ports under one fresh work folder; starts the
 * packaged ingest and api against them.
 */
public final class BenchStack implements AutoCloseable {

  /** How long ingest or the api may take to become ready: generous, for a machine shared with other builds. */
  private static final Duration START = Duration.ofSeconds(600);

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
   * Starts ingest against the stack and waits until it is ready.
   *
   * @param name      log file name (without .log) and process name
   * @param groupId   consumer group; a fresh one reads the topics from the start
   * @param extraArgs further {@code --key=value} settings
   */
  public ServiceProcess startIngest(String name, String groupId, List<String> extraArgs) {
    IngestService service = new IngestService(broker.bootstrapServers(), redis.port(), lake(), Ports.free());
    return launcher().ingest(service, name, IngestRunArgs.with(groupId, extraArgs)).awaitReady(START);
  }

  /** Starts the api against the stack on a free port and waits until it is ready. */
  public ServiceProcess startApi() {
    return launcher().api(new ApiService(broker.bootstrapServers(), redis.port(), Ports.free()), List.of()).awaitReady(START);
  }

  private ServiceLauncher launcher() {
    return new ServiceLauncher(repo, work, logs());
  }

  /**
   * @param work        fresh folder for Kafka logs, Redis, the lake and process logs
   * @param partitions  partitions of {@code page-views}
   * @param redisMemory Redis maxmemory (Redis syntax); high enough that nothing is evicted
   * @param deleteWork  whether {@link #close} deletes the data in the work folder (logs are kept)
   */
  public static BenchStack start(Path work, RepoLayout repo, int partitions, String redisMemory, boolean deleteWork) {
    repo.requireBuilt(List.of(repo.ingestJar()));
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
        WorkFolder.clean(work.resolve("kafka"));
        WorkFolder.clean(work.resolve("redis"));
        WorkFolder.clean(lake());
      }
    }
  }
}
