package com.eplly.contracts.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

/**
 * The registry on a real 3-master Redis Cluster (Debian redis-server and redis-cli): the scan that
 * extends a version reaches every master, and the compare-and-set script runs on the pointer's node.
 */
@Tag("slow")
class VersionRegistryClusterTest {

  @TempDir Path dir;

  @Test
  void extendsKeysOnEveryMasterAndSwitchesByCompareAndSet() throws Exception {
    List<Process> nodes = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        int port = freePort();
        Path nodeDir = dir.resolve("n" + i);
        nodeDir.toFile().mkdirs();
        nodes.add(new ProcessBuilder(binary("redis-server"), "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--cluster-enabled", "yes", "--cluster-config-file", nodeDir.resolve("nodes.conf").toString(),
            "--save", "", "--appendonly", "no", "--dir", nodeDir.toString())
            .redirectErrorStream(true).redirectOutput(nodeDir.resolve("log").toFile()).start());
        addresses.add("127.0.0.1:" + port);
      }
      List<String> create = new ArrayList<>(List.of(binary("redis-cli"), "--cluster", "create"));
      create.addAll(addresses);
      create.add("--cluster-yes");
      awaitCluster(create);
      RedisSettings settings = new RedisSettings("", 0, addresses, 0, null, null, false, null, null,
          Duration.ofSeconds(2), null, 0);
      try (UnifiedJedis redis = RedisClients.open(settings)) {
        for (String v : List.of("c1", "c2")) {
          for (int i = 0; i < 200; i++) { // spread over all three masters' slots
            redis.psetex(Keyspace.articleList(v, "a" + i), Duration.ofHours(2).toMillis(), "[]");
          }
          redis.hset(Keyspace.versionMeta(v), Map.of(VersionMetaFields.TTL_SECONDS, "604800"));
          redis.pexpire(Keyspace.versionMeta(v), Duration.ofHours(2).toMillis());
        }
        VersionRegistry registry = new VersionRegistry(redis);
        registry.register("c1", java.time.Instant.ofEpochMilli(1_000));
        registry.register("c2", java.time.Instant.ofEpochMilli(2_000));
        redis.set(Keyspace.activeVersion(), "c2");

        assertEquals("c1", registry.rollback());
        for (int i = 0; i < 200; i++) {
          long pttl = redis.pttl(Keyspace.articleList("c1", "a" + i));
          assertTrue(pttl > Duration.ofDays(7).minusMinutes(1).toMillis(), "a" + i + " expires in " + pttl);
        }
        RegistryException stale = assertThrows(RegistryException.class, () -> registry.activate("c2", "c9"));
        assertEquals(RegistryException.Kind.CONFLICT, stale.kind());
        assertEquals("c1", redis.get(Keyspace.activeVersion()));
      }
    } finally {
      nodes.forEach(Process::destroy);
      for (Process p : nodes) {
        p.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  /** redis-cli --cluster create, retried while the nodes are still starting, then until all slots are served. */
  private static void awaitCluster(List<String> create) throws Exception {
    String out = "";
    for (int attempt = 0; attempt < 50; attempt++) {
      Process p = new ProcessBuilder(create).redirectErrorStream(true).start();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() == 0 && out.contains("All 16384 slots covered")) {
        break;
      }
      Thread.sleep(100);
    }
    assertTrue(out.contains("All 16384 slots covered"), out);
    String first = create.get(3);
    for (int attempt = 0; attempt < 100; attempt++) {
      Process p = new ProcessBuilder(binary("redis-cli"), "-h", "127.0.0.1", "-p", first.substring(first.indexOf(':') + 1),
          "cluster", "info").redirectErrorStream(true).start();
      if (new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("cluster_state:ok")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("cluster did not reach cluster_state:ok");
  }

  private static String binary(String name) {
    for (String folder : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
      if (Path.of(folder, name).toFile().canExecute()) {
        return Path.of(folder, name).toString();
      }
    }
    throw new AssertionError(name + " is not installed: apt-get update && apt-get install -y redis-server redis-tools");
  }

  /** A free port whose cluster bus port (+10000) is free and valid too. */
  private static int freePort() throws IOException {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + random.nextInt(20_000);
      try (ServerSocket a = new ServerSocket(port); ServerSocket b = new ServerSocket(port + 10_000)) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port pair for a cluster node");
  }
}
