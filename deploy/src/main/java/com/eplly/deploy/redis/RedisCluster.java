package com.eplly.deploy.redis;

import com.eplly.deploy.process.Await;
import com.eplly.deploy.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.embedded.RedisServer;

/**
 * A Redis Cluster of real redis-server processes (the binary shipped in embedded-redis, started
 * with {@code cluster-enabled yes}) on free ports: masters share the 16384 slots evenly, each has
 * replicas, and nodes can be stopped one by one to test faults. Formed with CLUSTER MEET, ADDSLOTS
 * and REPLICATE, so no redis-cli is needed.
 */
public final class RedisCluster implements AutoCloseable {

  /** One node: its port, the process and the master it replicates (-1 for a master). */
  private record Node(int port, RedisServer server, int masterIndex) {}

  private static final int SLOTS = 16384;
  /** Redis 6 listens for the cluster bus on the client port + 10000. */
  private static final int BUS_OFFSET = 10000;
  private static final Duration FORM = Duration.ofSeconds(60);

  private final List<Node> nodes;

  private RedisCluster(List<Node> nodes) {
    this.nodes = nodes;
  }

  /**
   * Starts {@code masters} masters and {@code replicasPerMaster} replicas of each and waits until
   * the cluster state is ok and every replica is in sync.
   *
   * @param root      folder for the nodes' working folders (nothing is persisted)
   * @param maxMemory per-node memory cap in Redis syntax; volatile-lru evicts only keys with a TTL
   */
  public static RedisCluster start(Path root, int masters, int replicasPerMaster, String maxMemory) {
    List<Node> nodes = new ArrayList<>();
    RedisCluster cluster = new RedisCluster(nodes);
    try {
      int total = masters * (1 + replicasPerMaster);
      for (int i = 0; i < total; i++) {
        int master = i < masters ? -1 : (i - masters) % masters;
        nodes.add(startNode(root, freeClusterPort(), maxMemory, master));
      }
      cluster.form(masters);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private static Node startNode(Path root, int port, String maxMemory, int masterIndex) {
    Path dir = root.resolve("node-" + port);
    try {
      Files.createDirectories(dir);
      RedisServer server = RedisServer.newRedisServer().port(port)
          .setting("bind 127.0.0.1")
          .setting("cluster-enabled yes")
          .setting("cluster-config-file nodes-" + port + ".conf")
          .setting("cluster-node-timeout 3000")
          .setting("maxmemory " + maxMemory)
          .setting("maxmemory-policy volatile-lru")
          .setting("save \"\"")
          .setting("appendonly no")
          .setting("dir " + dir.toAbsolutePath())
          .build();
      server.start();
      return new Node(port, server, masterIndex);
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server (cluster node) did not start on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** A free port whose cluster bus port is free too. */
  private static int freeClusterPort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = Ports.free();
      if (port + BUS_OFFSET < 65536 && Ports.isFree(port + BUS_OFFSET)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port pair (port, port + " + BUS_OFFSET + ") for a Redis Cluster node");
  }

  private void form(int masters) {
    try (Jedis first = jedis(0)) {
      for (int i = 1; i < nodes.size(); i++) {
        first.clusterMeet("127.0.0.1", nodes.get(i).port());
      }
    }
    for (int m = 0; m < masters; m++) {
      int from = m * SLOTS / masters;
      int to = (m + 1) * SLOTS / masters;
      try (Jedis master = jedis(m)) {
        master.clusterAddSlots(IntStream.range(from, to).toArray());
      }
    }
    Await.until("all " + nodes.size() + " Redis nodes to know each other", FORM, null, () -> allNodes(j -> {
      String view = j.clusterNodes();
      return view.lines().count() == nodes.size() && !view.contains("handshake") && !view.contains("noaddr");
    }));
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.masterIndex() >= 0) {
        String masterId;
        try (Jedis master = jedis(n.masterIndex())) {
          masterId = master.clusterMyId();
        }
        try (Jedis replica = jedis(i)) {
          replica.clusterReplicate(masterId);
        }
      }
    }
    Await.until("the Redis Cluster to be ok with replicas in sync", FORM, null, () -> allNodes(j -> {
      if (!j.clusterInfo().contains("cluster_state:ok")) {
        return false;
      }
      String replication = j.info("replication");
      return !replication.contains("role:slave") || replication.contains("master_link_status:up");
    }));
  }

  private boolean allNodes(java.util.function.Predicate<Jedis> check) {
    for (int i = 0; i < nodes.size(); i++) {
      if (!nodes.get(i).server().isActive()) {
        continue;
      }
      try (Jedis j = jedis(i)) {
        if (!check.test(j)) {
          return false;
        }
      } catch (RuntimeException e) {
        return false;
      }
    }
    return true;
  }

  private Jedis jedis(int index) {
    return new Jedis("127.0.0.1", nodes.get(index).port());
  }

  /** {@code host:port} of every node, as {@code eplly.redis.cluster-nodes} takes them. */
  public List<String> seeds() {
    return nodes.stream().map(n -> "127.0.0.1:" + n.port()).toList();
  }

  /** The URI form the recommender CLI takes. */
  public String uri() {
    return "redis-cluster://" + String.join(",", seeds());
  }

  /** A new cluster client (the caller closes it). */
  public RedisClusterClient client() {
    Set<HostAndPort> seeds = new LinkedHashSet<>();
    seeds().forEach(s -> seeds.add(HostAndPort.from(s)));
    return RedisClusterClient.create(seeds);
  }

  /** Indexes of the master nodes. */
  public List<Integer> masters() {
    return IntStream.range(0, nodes.size()).filter(i -> nodes.get(i).masterIndex() < 0).boxed().toList();
  }

  /**
   * Stops the first running replica of master {@code masterIndex}.
   *
   * @return the port of the stopped node
   */
  public int stopReplicaOf(int masterIndex) {
    for (Node n : nodes) {
      if (n.masterIndex() == masterIndex && n.server().isActive()) {
        stop(n);
        return n.port();
      }
    }
    throw new IllegalStateException("master " + masterIndex + " has no running replica");
  }

  /** CLUSTER INFO's cluster_state as a running master sees it ("ok" or "fail"). */
  public String state() {
    for (int m : masters()) {
      if (nodes.get(m).server().isActive()) {
        try (Jedis j = jedis(m)) {
          return j.clusterInfo().lines().filter(l -> l.startsWith("cluster_state:"))
              .map(l -> l.substring("cluster_state:".length()).strip()).findFirst().orElse("unknown");
        }
      }
    }
    return "no master running";
  }

  /** DBSIZE of each running master, in master order: how the keyspace spreads over the nodes. */
  public List<Long> keysPerMaster() {
    List<Long> sizes = new ArrayList<>();
    for (int m : masters()) {
      if (nodes.get(m).server().isActive()) {
        try (Jedis j = jedis(m)) {
          sizes.add(j.dbSize());
        }
      }
    }
    return sizes;
  }

  /** Running masters and replicas, e.g. {@code 3m+2r}. */
  public String running() {
    long masters = nodes.stream().filter(n -> n.masterIndex() < 0 && n.server().isActive()).count();
    long replicas = nodes.stream().filter(n -> n.masterIndex() >= 0 && n.server().isActive()).count();
    return masters + "m+" + replicas + "r";
  }

  /** A one-line view: running masters and replicas. */
  public String describe() {
    return running() + " running, state " + state() + " (ports "
        + nodes.stream().map(n -> String.valueOf(n.port())).collect(Collectors.joining(",")) + ")";
  }

  private static void stop(Node n) {
    try {
      n.server().stop();
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server on port " + n.port() + " did not stop cleanly", e);
    }
  }

  @Override
  public void close() {
    for (Node n : nodes) {
      if (n.server().isActive()) {
        stop(n);
      }
    }
  }
}
