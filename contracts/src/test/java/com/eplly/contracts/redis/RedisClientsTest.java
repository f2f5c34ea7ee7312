package com.eplly.contracts.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.testing.RedisServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** The one client factory against Debian's redis-server 7 with a password, and over TLS. */
class RedisClientsTest {

  private static final String PASSWORD = "s3cret-Pa55";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @TempDir Path dir;

  @Test
  @Tag("slow")
  void authenticatesWithThePasswordAndFailsClearlyWithout() {
    try (RedisServerProcess server = RedisServerProcess.withPassword(dir, PASSWORD)) {
      RedisSettings plain = RedisSettings.of("127.0.0.1", server.port(), TIMEOUT);
      try (UnifiedJedis client = RedisClients.open(plain.withPassword(PASSWORD))) {
        client.set("k", "v");
        assertEquals("v", client.get("k"));
      }
      try (UnifiedJedis client = RedisClients.open(plain)) {
        JedisException e = assertThrows(JedisException.class, () -> client.get("k"));
        assertTrue(e.getMessage().contains("NOAUTH"), e.getMessage());
      }
      try (UnifiedJedis client = RedisClients.open(plain.withPassword("wrong"))) {
        JedisException e = assertThrows(JedisException.class, () -> client.get("k"));
        assertTrue(e.getMessage().contains("WRONGPASS") || e.getMessage().contains("invalid password"), e.getMessage());
      }
    }
  }

  @Test
  @Tag("slow")
  void connectsOverTlsTrustingTheGivenCaAndVerifiesTheServer() {
    try (RedisServerProcess server = RedisServerProcess.tls(dir, PASSWORD)) {
      RedisSettings tls = new RedisSettings("localhost", server.port(), List.of(), 0, null, PASSWORD, true,
          server.caCert().toString(), null, TIMEOUT, "eplly-test", 0);
      try (UnifiedJedis client = RedisClients.open(tls)) {
        client.set("k", "over tls");
        assertEquals("over tls", client.get("k"));
      }
      // without the CA the JVM's default trust rejects the self-signed chain: TLS is really verified
      RedisSettings untrusted = new RedisSettings("localhost", server.port(), List.of(), 0, null, PASSWORD, true,
          null, null, TIMEOUT, null, 0);
      try (UnifiedJedis client = RedisClients.open(untrusted)) {
        assertThrows(JedisException.class, () -> client.get("k"));
      }
      // plain TCP to a TLS port does not work either
      RedisSettings notTls = RedisSettings.of("localhost", server.port(), TIMEOUT).withPassword(PASSWORD);
      try (UnifiedJedis client = RedisClients.open(notTls)) {
        assertThrows(JedisException.class, () -> client.get("k"));
      }
    }
  }

  @Test
  void neverShowsThePassword() {
    RedisSettings s = RedisSettings.of("redis.example", 6380, TIMEOUT).withPassword(PASSWORD);
    assertFalse(s.toString().contains(PASSWORD), s.toString());
    assertFalse(s.display().contains(PASSWORD), s.display());
    assertTrue(s.display().contains("redis.example:6380"), s.display());
  }
}
