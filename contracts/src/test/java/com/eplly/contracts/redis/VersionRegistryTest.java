package com.eplly.contracts.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

/**
 * The registry's guarantees against a real redis-server: the pointer never outlives the lists it
 * names, a version about to expire is refused, and a switch planned on a stale view never
 * overwrites a concurrent one.
 */
@Tag("slow")
class VersionRegistryTest {

  private static final Duration PUBLISH_TTL = Duration.ofDays(7);

  private static RedisServer server;
  private static UnifiedJedis redis;
  private VersionRegistry registry;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
        .setting("appendonly no").build();
    server.start();
    redis = RedisClients.open(RedisSettings.of("127.0.0.1", port, Duration.ofSeconds(2)));
  }

  @AfterAll
  static void stop() throws IOException {
    redis.close();
    server.stop();
  }

  @BeforeEach
  void empty() {
    redis.flushAll();
    registry = new VersionRegistry(redis);
  }

  /**
   * Publishes a version the way PublishJob does, but with its keys' remaining lifetime set to
   * {@code left} (as if published long ago): {@code lists} article lists, a reader list, the
   * popular list and the meta recording the publish TTL.
   */
  private static void publishedLongAgo(String version, long publishedAtMs, Duration left, int lists) {
    long ms = left.toMillis();
    for (int i = 0; i < lists; i++) {
      redis.psetex(Keyspace.articleList(version, "a" + i), ms, "[]");
    }
    redis.psetex(Keyspace.readerList(version, "r1"), ms, "[]");
    redis.psetex(Keyspace.popularList(version), ms, "[]");
    redis.hset(Keyspace.versionMeta(version), Map.of(VersionMetaFields.CREATED, "2026-01-01T00:00:00Z",
        VersionMetaFields.TTL_SECONDS, Long.toString(PUBLISH_TTL.toSeconds())));
    redis.pexpire(Keyspace.versionMeta(version), ms);
    redis.zadd(Keyspace.versions(), publishedAtMs, version);
  }

  private static void assertAllKeysLiveAboutPublishTtl(String version, int expectedKeys) {
    List<String> keys = List.copyOf(redis.keys(Keyspace.versionPattern(version)));
    assertEquals(expectedKeys, keys.size(), "keys of " + version);
    for (String key : keys) {
      long pttl = redis.pttl(key);
      assertTrue(pttl > PUBLISH_TTL.minusMinutes(1).toMillis() && pttl <= PUBLISH_TTL.toMillis(),
          key + " expires in " + pttl + " ms, not the publish TTL");
    }
  }

  @Test
  void activatingExtendsEveryKeyOfTheVersionToItsPublishTtl() {
    // more keys than one SCAN/pipeline batch, so the batching is exercised
    int lists = VersionRegistry.BATCH + 500;
    publishedLongAgo("v1", 1_000, Duration.ofHours(3), lists);
    publishedLongAgo("v2", 2_000, Duration.ofDays(6), 3);
    redis.set(Keyspace.activeVersion(), "v2");

    registry.activate("v1", "v2");

    assertEquals("v1", redis.get(Keyspace.activeVersion()));
    assertAllKeysLiveAboutPublishTtl("v1", lists + 3);
  }

  @Test
  void rollingBackExtendsTheVersionItActivates() {
    publishedLongAgo("v1", 1_000, Duration.ofDays(1), 5);
    publishedLongAgo("v2", 2_000, Duration.ofDays(6), 5);
    redis.set(Keyspace.activeVersion(), "v2");

    assertEquals("v1", registry.rollback());

    assertAllKeysLiveAboutPublishTtl("v1", 8);
  }

  @Test
  void refusesAVersionWhoseKeysExpireWithinTheMargin() {
    publishedLongAgo("v1", 1_000, Duration.ofMinutes(20), 2);
    publishedLongAgo("v2", 2_000, Duration.ofDays(6), 2);
    redis.set(Keyspace.activeVersion(), "v2");

    RegistryException e = assertThrows(RegistryException.class, () -> registry.activate("v1"));
    assertEquals(RegistryException.Kind.EXPIRING, e.kind());
    assertTrue(e.getMessage().contains("v1 expires in 20 min") || e.getMessage().contains("v1 expires in 19 min"), e.getMessage());
    RegistryException rollback = assertThrows(RegistryException.class, registry::rollback);
    assertEquals(RegistryException.Kind.EXPIRING, rollback.kind());
    assertEquals("v2", redis.get(Keyspace.activeVersion()));
    assertTrue(redis.pttl(Keyspace.versionMeta("v1")) <= Duration.ofMinutes(20).toMillis(), "not extended");

    // the margin is configurable
    new VersionRegistry(redis, Duration.ofMinutes(5)).activate("v1");
    assertEquals("v1", redis.get(Keyspace.activeVersion()));
  }

  @Test
  void aRollbackPlannedBeforeAConcurrentPublishFailsAndLeavesThePublishActive() {
    publishedLongAgo("A0", 1_000, Duration.ofDays(5), 2);
    publishedLongAgo("A", 2_000, Duration.ofDays(6), 2);
    redis.set(Keyspace.activeVersion(), "A");
    VersionSwitch rollback = registry.planRollback(); // read: A active, roll back to A0
    assertEquals(new VersionSwitch("A", "A0"), rollback);

    // meanwhile a publish finishes and flips the pointer to C
    publishedLongAgo("C", 3_000, Duration.ofDays(7), 2);
    new VersionRegistry(redis).switchToFresh("C", "A");

    RegistryException e = assertThrows(RegistryException.class, () -> registry.apply(rollback));
    assertEquals(RegistryException.Kind.CONFLICT, e.kind());
    assertTrue(e.getMessage().contains("expected A but it is C"), e.getMessage());
    assertEquals("C", redis.get(Keyspace.activeVersion()));
  }

  @Test
  void activateWithAStaleExpectedVersionNeverOverwrites() {
    publishedLongAgo("A", 1_000, Duration.ofDays(6), 1);
    publishedLongAgo("B", 2_000, Duration.ofDays(6), 1);
    publishedLongAgo("C", 3_000, Duration.ofDays(6), 1);
    redis.set(Keyspace.activeVersion(), "C");

    RegistryException stale = assertThrows(RegistryException.class, () -> registry.activate("A", "B"));
    assertEquals(RegistryException.Kind.CONFLICT, stale.kind());
    RegistryException none = assertThrows(RegistryException.class, () -> registry.switchToFresh("A", null));
    assertEquals(RegistryException.Kind.CONFLICT, none.kind());
    assertEquals("C", redis.get(Keyspace.activeVersion()));

    registry.activate("A", "C");
    assertEquals("A", redis.get(Keyspace.activeVersion()));
  }

  @Test
  void theFirstVersionIsActivatedFromNone() {
    publishedLongAgo("A", 1_000, Duration.ofDays(6), 1);
    assertNull(registry.activate("A"));
    assertEquals("A", redis.get(Keyspace.activeVersion()));
  }

  @Test
  void keepAliveExtendsTheActiveVersionOnlyOnceBelowHalfItsPublishTtl() {
    publishedLongAgo("fresh", 1_000, Duration.ofDays(4), 3);
    assertEquals(0, registry.keepAlive("fresh"));
    assertTrue(redis.pttl(Keyspace.articleList("fresh", "a0")) <= Duration.ofDays(4).toMillis());

    publishedLongAgo("old", 2_000, Duration.ofDays(3), 3);
    assertEquals(6, registry.keepAlive("old"));
    assertAllKeysLiveAboutPublishTtl("old", 6);
  }

  @Test
  void aVersionWithoutItsRecordedTtlIsExtendedToTheDefault() {
    publishedLongAgo("legacy", 1_000, Duration.ofHours(2), 1);
    redis.hdel(Keyspace.versionMeta("legacy"), VersionMetaFields.TTL_SECONDS);
    registry.activate("legacy");
    assertTrue(redis.pttl(Keyspace.readerList("legacy", "r1")) > VersionRegistry.DEFAULT_TTL.minusMinutes(1).toMillis());
  }
}
