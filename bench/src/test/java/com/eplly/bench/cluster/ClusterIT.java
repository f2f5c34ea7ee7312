package com.eplly.bench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.Topics;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.PublishedVersion;
import com.eplly.contracts.redis.VersionRegistry;
import com.eplly.deploy.service.RepoLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast subset of {@code deploy/bin/cluster-faults}: three KRaft brokers, a Redis Cluster of three
 * masters with replicas, the api and two ingest instances in one group; a baseline phase and one
 * phase in which an ingest instance is SIGKILLed, each checked for exactly-once lake contents, the
 * dead-letter topic, the api answering from the cluster and live state in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class ClusterIT {

  private ClusterStack stack;

  @BeforeAll
  void startStack(@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) Path work) {
    String root = System.getProperty("eplly.repo.root");
    assertNotNull(root, "system property eplly.repo.root is not set (failsafe sets it)");
    stack = ClusterStack.start(work, new RepoLayout(Path.of(root)), new ClusterStack.Shape(3, 4, 3, 2), System.out);
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void pageViewsReachTheLakeExactlyOnceThroughAnIngestCrash() {
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    List<PhaseCounts> phases = new FaultRun(stack, System.out)
        .run(new FaultRun.Options(1_500, 100, 10, List.of(new ProcessKillSpec(0)), 11L));
    PhaseCounts.printTable(phases, new PrintStream(table, true, StandardCharsets.UTF_8));
    System.out.print(table.toString(StandardCharsets.UTF_8));

    assertEquals(2, phases.size());
    for (PhaseCounts p : phases) {
      assertTrue(p.passed(), "phase " + p.phase() + " failed:\n" + table.toString(StandardCharsets.UTF_8));
    }
    PhaseCounts last = phases.get(1);
    assertTrue(last.produced() >= 2 * 1_400, "both phases produced their events: " + last.produced());
    assertEquals(100 * 2, last.viaApi());
    assertTrue(last.up().startsWith("3/1/"), "one ingest instance is gone: " + last.up());
    assertTrue(last.keysPerMaster().stream().allMatch(n -> n > 0), "keys spread over every master: " + last.keysPerMaster());
  }

  @Test
  void pageViewsAreReplicatedThreeTimesWithMinIsrTwo() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()))) {
      TopicDescription d = admin.describeTopics(List.of(Topics.PAGE_VIEWS)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(Topics.PAGE_VIEWS);
      assertEquals(4, d.partitions().size());
      d.partitions().forEach(p -> assertEquals(3, p.replicas().size(), "replicas of partition " + p.partition()));
    }
  }

  @Test
  void versionRegistryWorksAcrossClusterNodes() {
    VersionRegistry registry = new VersionRegistry(stack.redisClient());
    for (String v : List.of("v-cluster-1", "v-cluster-2")) {
      stack.redisClient().hset(Keyspace.versionMeta(v), Map.of("createdAt", "0"));
      stack.redisClient().expire(Keyspace.versionMeta(v), 7_200); // beyond activate's 1 h refusal margin
    }
    registry.register("v-cluster-1", Instant.ofEpochMilli(1_000));
    registry.register("v-cluster-2", Instant.ofEpochMilli(2_000));
    registry.activate("v-cluster-2");

    assertEquals("v-cluster-1", registry.rollback());
    List<PublishedVersion> published = registry.published();
    assertEquals(List.of("v-cluster-2", "v-cluster-1"), published.stream().map(PublishedVersion::version).toList());
    assertTrue(published.get(1).active());
  }
}
