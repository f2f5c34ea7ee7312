package com.eplly.deploy.kafka;

import com.eplly.deploy.process.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * Several combined broker+controller KRaft nodes in this JVM forming one cluster (every node a
 * quorum voter), on free ports under one folder; single nodes can be stopped to test faults.
 */
public final class KafkaCluster implements AutoCloseable {

  private final List<KafkaBroker> nodes;
  private final List<AtomicBoolean> running;

  private KafkaCluster(List<KafkaBroker> nodes) {
    this.nodes = nodes;
    this.running = nodes.stream().map(n -> new AtomicBoolean(true)).toList();
  }

  /** Formats and starts {@code size} nodes with one cluster id and waits until all have registered. */
  public static KafkaCluster start(Path root, int size) {
    int[] free = Ports.distinct(2 * size);
    List<int[]> ports = IntStream.range(0, size).mapToObj(i -> new int[] {free[2 * i], free[2 * i + 1]}).toList();
    String voters = IntStream.range(0, size)
        .mapToObj(i -> (i + 1) + "@localhost:" + ports.get(i)[1])
        .collect(Collectors.joining(","));
    String clusterId = Uuid.randomUuid().toString();
    // Started side by side: a node's startup waits for a quorum that the others must join.
    List<CompletableFuture<KafkaBroker>> starting = IntStream.range(0, size)
        .mapToObj(i -> new BrokerSettings("localhost", ports.get(i)[0], ports.get(i)[1], root.resolve("node-" + (i + 1)),
            i + 1, voters, Math.min(size, 3)))
        .map(settings -> CompletableFuture.supplyAsync(() -> KafkaBroker.launch(settings, clusterId)))
        .toList();
    List<KafkaBroker> nodes = new ArrayList<>();
    RuntimeException failure = null;
    for (CompletableFuture<KafkaBroker> f : starting) {
      try {
        nodes.add(f.join());
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    KafkaCluster cluster = new KafkaCluster(nodes);
    try {
      if (failure != null) {
        throw failure;
      }
      nodes.get(0).awaitNodes(size);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  public int size() {
    return nodes.size();
  }

  /** Every node's client address, stopped ones included (clients skip those they cannot reach). */
  public String bootstrapServers() {
    return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
  }

  /** Creates the layout's topics through a running node. */
  public List<String> createTopics(TopicLayout layout) {
    return firstRunning().createTopics(layout);
  }

  /** Shuts node {@code index} (0-based) down, as a broker failure the others must absorb. */
  public void stop(int index) {
    if (running.get(index).getAndSet(false)) {
      nodes.get(index).close();
    }
  }

  /** Nodes still running. */
  public int running() {
    return (int) running.stream().filter(AtomicBoolean::get).count();
  }

  public KafkaBroker node(int index) {
    return nodes.get(index);
  }

  private KafkaBroker firstRunning() {
    for (int i = 0; i < nodes.size(); i++) {
      if (running.get(i).get()) {
        return nodes.get(i);
      }
    }
    throw new IllegalStateException("no Kafka node is running");
  }

  /** Stops all running nodes at once: one by one, the last ones would wait in vain for a quorum to approve their shutdown. */
  @Override
  public void close() {
    List<CompletableFuture<Void>> stopping = IntStream.range(0, nodes.size())
        .mapToObj(i -> CompletableFuture.runAsync(() -> stop(i)))
        .toList();
    stopping.forEach(CompletableFuture::join);
  }
}
