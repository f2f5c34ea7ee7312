package com.eplly.deploy.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A KRaft Kafka node (broker and controller) inside this JVM, for the local stack, the end-to-end
 * test and {@link KafkaCluster}. The log folder is formatted on first start and reused afterwards.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final BrokerSettings settings;
  private final KafkaRaftServer server;

  private KafkaBroker(BrokerSettings settings, KafkaRaftServer server) {
    this.settings = settings;
    this.server = server;
  }

  /** Formats the storage if needed, starts the broker and waits until it answers metadata requests. */
  public static KafkaBroker start(BrokerSettings settings) {
    KafkaBroker broker = launch(settings, Uuid.randomUuid().toString());
    broker.awaitReady();
    return broker;
  }

  /** Formats the storage with {@code clusterId} if needed and starts the node, without waiting for a quorum. */
  static KafkaBroker launch(BrokerSettings settings, String clusterId) {
    try {
      Files.createDirectories(settings.logDir());
      Path config = settings.logDir().resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(config)) {
        settings.serverProperties().store(out, "written by KafkaBroker on every start");
      }
      // A formatted folder keeps its cluster id; formatting it again with a new id would fail.
      if (!Files.exists(settings.logDir().resolve("meta.properties"))) {
        format(config, clusterId);
      }
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings.serverProperties(), false), Time.SYSTEM);
      server.startup();
      return new KafkaBroker(settings, server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka log folder " + settings.logDir(), e);
    }
  }

  /** Uses StorageTool.execute rather than main, which would exit the JVM. */
  private static void format(Path config, String clusterId) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    String[] args = {"format", "--config", config.toString(), "--cluster-id", clusterId};
    int rc;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      rc = StorageTool.execute(args, out);
    } catch (Exception e) {
      throw new IllegalStateException("formatting Kafka storage failed: " + e.getMessage()
          + "\n" + captured.toString(StandardCharsets.UTF_8), e);
    }
    if (rc != 0) {
      throw new IllegalStateException("formatting Kafka storage failed (exit " + rc + "): "
          + captured.toString(StandardCharsets.UTF_8));
    }
  }

  private void awaitReady() {
    awaitNodes(1);
  }

  /** Waits until this node sees at least {@code count} brokers in the cluster. */
  void awaitNodes(int count) {
    long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
    try (Admin admin = admin()) {
      while (admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).size() < count) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(count + " brokers did not register");
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers() + " within " + ADMIN_TIMEOUT, e);
    }
  }

  public String bootstrapServers() {
    return settings.bootstrapServers();
  }

  public BrokerSettings settings() {
    return settings;
  }

  /** A new admin client for this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
  }

  /**
   * Creates the layout's topics; those that already exist (a reused log folder) are kept as they are.
   *
   * @return the names of the topics created now
   */
  public List<String> createTopics(TopicLayout layout) {
    List<String> created = new ArrayList<>();
    try (Admin admin = admin()) {
      var result = admin.createTopics(layout.newTopics());
      for (NewTopic topic : layout.newTopics()) {
        try {
          result.values().get(topic.name()).get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          created.add(topic.name());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topics timed out after " + ADMIN_TIMEOUT, e);
    }
    return created;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
