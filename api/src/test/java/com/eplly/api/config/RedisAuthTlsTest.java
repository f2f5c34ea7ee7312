package com.eplly.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.contracts.testing.RedisServerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The api's Redis client, built from {@code eplly.redis.*} as deployed, against Debian's
 * redis-server 7 requiring a password, and over TLS.
 */
@Tag("slow")
class RedisAuthTlsTest {

  private static final String PASSWORD = "api-Secret-1";

  @TempDir Path dir;

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(EpllyProperties.class)
  static class Props {}

  private ApplicationContextRunner api(String... properties) {
    return new ApplicationContextRunner().withUserConfiguration(Props.class, RedisConfig.class)
        .withPropertyValues("eplly.redis.timeout=2s").withPropertyValues(properties);
  }

  @Test
  void connectsWithThePasswordAndFailsClearlyWithout() {
    try (RedisServerProcess server = RedisServerProcess.withPassword(dir, PASSWORD)) {
      api("eplly.redis.host=127.0.0.1", "eplly.redis.port=" + server.port(), "eplly.redis.password=" + PASSWORD)
          .run(ctx -> {
            UnifiedJedis redis = ctx.getBean(UnifiedJedis.class);
            redis.set("api", "ok");
            assertThat(redis.get("api")).isEqualTo("ok");
            assertThat(ctx.getBean(EpllyProperties.class).redis().toString()).doesNotContain(PASSWORD);
          });
      api("eplly.redis.host=127.0.0.1", "eplly.redis.port=" + server.port())
          .run(ctx -> assertThatThrownBy(() -> ctx.getBean(UnifiedJedis.class).get("api"))
              .isInstanceOf(JedisException.class).hasMessageContaining("NOAUTH"));
    }
  }

  @Test
  void connectsOverTlsWithAnAclUserTrustingThePemCa() {
    try (RedisServerProcess server = RedisServerProcess.tls(dir, PASSWORD)) {
      api("eplly.redis.host=localhost", "eplly.redis.port=" + server.port(), "eplly.redis.username=default",
          "eplly.redis.password=" + PASSWORD, "eplly.redis.ssl=true", "eplly.redis.truststore=" + server.caCert())
          .run(ctx -> {
            UnifiedJedis redis = ctx.getBean(UnifiedJedis.class);
            redis.set("api", "tls");
            assertThat(redis.get("api")).isEqualTo("tls");
          });
    }
  }
}
