package com.eplly.ingest.config;

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
 * The ingest Redis client, built by {@link CoreConfig} from {@code eplly.redis.*} as deployed,
 * against Debian's redis-server 7 requiring a password, and over TLS.
 */
@Tag("slow")
class RedisAuthTlsTest {

  private static final String PASSWORD = "ingest-Secret-2";

  @TempDir Path dir;

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IngestProperties.class)
  static class Props {}

  /** Binds the properties as Boot does, then builds the client the way the ingest context does. */
  private void withClient(java.util.function.Consumer<UnifiedJedis> use, String... properties) {
    new ApplicationContextRunner().withUserConfiguration(Props.class).withPropertyValues(properties).run(ctx -> {
      IngestProperties props = ctx.getBean(IngestProperties.class);
      assertThat(props.redis().toString()).doesNotContain(PASSWORD);
      try (UnifiedJedis redis = new CoreConfig().redisClient(props)) {
        use.accept(redis);
      }
    });
  }

  @Test
  void connectsWithThePasswordAndFailsClearlyWithout() {
    try (RedisServerProcess server = RedisServerProcess.withPassword(dir, PASSWORD)) {
      withClient(redis -> {
        redis.set("ingest", "ok");
        assertThat(redis.get("ingest")).isEqualTo("ok");
      }, "eplly.redis.host=127.0.0.1", "eplly.redis.port=" + server.port(), "eplly.redis.password=" + PASSWORD);
      withClient(redis -> assertThatThrownBy(() -> redis.get("ingest"))
              .isInstanceOf(JedisException.class).hasMessageContaining("NOAUTH"),
          "eplly.redis.host=127.0.0.1", "eplly.redis.port=" + server.port());
    }
  }

  @Test
  void connectsOverTlsTrustingThePemCa() {
    try (RedisServerProcess server = RedisServerProcess.tls(dir, PASSWORD)) {
      withClient(redis -> {
        redis.set("ingest", "tls");
        assertThat(redis.get("ingest")).isEqualTo("tls");
      }, "eplly.redis.host=localhost", "eplly.redis.port=" + server.port(), "eplly.redis.password=" + PASSWORD,
          "eplly.redis.ssl=true", "eplly.redis.truststore=" + server.caCert());
    }
  }
}
