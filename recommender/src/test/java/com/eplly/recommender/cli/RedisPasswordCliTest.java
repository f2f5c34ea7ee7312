package com.eplly.recommender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.RedisClients;
import com.eplly.contracts.redis.RedisSettings;
import com.eplly.contracts.redis.VersionMetaFields;
import com.eplly.contracts.testing.RedisServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

/**
 * The CLI against Debian's redis-server requiring a password: taken from EPLLY_REDIS_PASSWORD or
 * --redis-password-file, never printed; activate and rollback refuse expiring versions and lost races.
 */
@Tag("slow")
class RedisPasswordCliTest {

  private static final String PASSWORD = "reco-Secret-3";

  @TempDir static Path dir;
  private static RedisServerProcess server;
  private static UnifiedJedis redis;
  private static String uri;

  @BeforeAll
  static void start() {
    server = RedisServerProcess.withPassword(dir.resolve("redis"), PASSWORD);
    redis = RedisClients.open(RedisSettings.of("127.0.0.1", server.port(), Duration.ofSeconds(2)).withPassword(PASSWORD));
    uri = "redis://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    redis.close();
    server.close();
  }

  @BeforeEach
  void seed() {
    redis.flushAll();
    version("v1", 1_000, Duration.ofDays(5));
    version("v2", 2_000, Duration.ofDays(6));
    redis.set(Keyspace.activeVersion(), "v2");
  }

  private static void version(String v, long publishedAt, Duration left) {
    redis.psetex(Keyspace.articleList(v, "a1"), left.toMillis(), "[]");
    redis.hset(Keyspace.versionMeta(v), Map.of(VersionMetaFields.CREATED, "2026-01-01T00:00:00Z",
        VersionMetaFields.TTL_SECONDS, Long.toString(Duration.ofDays(7).toSeconds())));
    redis.pexpire(Keyspace.versionMeta(v), left.toMillis());
    redis.zadd(Keyspace.versions(), publishedAt, v);
  }

  private record Cli(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private static Cli cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new RecoCli().run(args, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(), env));
    return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void takesThePasswordFromTheEnvironmentAndNeverPrintsIt() {
    Cli models = cli(Map.of("EPLLY_REDIS_PASSWORD", PASSWORD), "models", "--models", dir.resolve("models").toString(),
        "--redis", uri);
    assertEquals(RecoCli.OK, models.exit, models.err);
    assertTrue(models.out.lines().anyMatch(l -> l.matches("\\*\\s+v2\\s+published.*")), models.out);

    Cli rollback = cli(Map.of("EPLLY_REDIS_PASSWORD", PASSWORD), "rollback", "--redis", uri);
    assertEquals(RecoCli.OK, rollback.exit, rollback.err);
    assertEquals("v1", redis.get(Keyspace.activeVersion()));
    assertFalse(models.all().contains(PASSWORD) || rollback.all().contains(PASSWORD));
  }

  @Test
  void takesThePasswordFromAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("redis-password"), PASSWORD + "\n");
    Cli activate = cli(Map.of(), "activate", "v1", "--redis", uri, "--redis-password-file", file.toString());
    assertEquals(RecoCli.OK, activate.exit, activate.err);
    assertEquals("v1", redis.get(Keyspace.activeVersion()));
    assertFalse(activate.all().contains(PASSWORD), activate.all());
  }

  @Test
  void failsClearlyWithoutOrWithAWrongPasswordAndDoesNotEchoIt() throws IOException {
    Cli none = cli(Map.of(), "rollback", "--redis", uri);
    assertEquals(RecoCli.FAILED, none.exit);
    assertTrue(none.err.contains("refused the credentials") && none.err.contains("EPLLY_REDIS_PASSWORD"), none.err);

    Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-the-Password-9");
    Cli bad = cli(Map.of(), "activate", "v1", "--redis", uri, "--redis-password-file", wrong.toString());
    assertEquals(RecoCli.FAILED, bad.exit);
    assertTrue(bad.err.contains("refused the credentials"), bad.err);
    assertFalse(bad.all().contains("not-the-Password-9"), bad.all());

    Cli inUri = cli(Map.of(), "models", "--models", dir.resolve("models").toString(), "--redis",
        "redis://default:not-the-Password-9@127.0.0.1:" + server.port());
    assertEquals(RecoCli.FAILED, inUri.exit);
    assertFalse(inUri.all().contains("not-the-Password-9"), inUri.all());
    assertEquals("v2", redis.get(Keyspace.activeVersion()));
  }

  @Test
  void refusesAnExpiringVersionAndAStaleExpectedOne() {
    Map<String, String> env = Map.of("EPLLY_REDIS_PASSWORD", PASSWORD);
    version("v0", 500, Duration.ofMinutes(10));

    Cli expiring = cli(env, "activate", "v0", "--redis", uri);
    assertEquals(RecoCli.FAILED, expiring.exit);
    assertTrue(expiring.err.contains("v0 expires in") && expiring.err.contains("margin"), expiring.err);

    Cli stale = cli(env, "activate", "v1", "--expected", "v9", "--redis", uri);
    assertEquals(RecoCli.FAILED, stale.exit);
    assertTrue(stale.err.contains("expected v9 but it is v2"), stale.err);
    assertEquals("v2", redis.get(Keyspace.activeVersion()));

    Cli laxer = cli(env, "activate", "v0", "--refuse-margin", "5m", "--expected", "v2", "--redis", uri);
    assertEquals(RecoCli.OK, laxer.exit, laxer.err);
    assertTrue(redis.pttl(Keyspace.articleList("v0", "a1")) > Duration.ofDays(7).minusMinutes(1).toMillis());
  }
}
