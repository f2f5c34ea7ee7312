package com.eplly.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.BoundProperties;
import com.eplly.contracts.redis.RedisSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code eplly.redis.*} binds to the shared {@link RedisSettings}: the api's defaults, and every field. */
class RedisSettingsBindingTest {

  @Test
  void theApisDefaultsAreApplicationYmls() throws Exception {
    RedisSettings redis = bind(Map.of()).redis();

    assertThat(redis.display()).isEqualTo("redis://localhost:6379");
    assertThat(redis.timeout()).isEqualTo(Duration.ofMillis(100));
    assertThat(redis.poolSize()).isEqualTo(32);
    assertThat(redis.clientName()).isEqualTo("eplly-api");
    assertThat(redis.password()).isNull();
    assertThat(redis.ssl()).isFalse();
  }

  @Test
  void everyFieldBindsUnderItsPropertyName() throws Exception {
    RedisSettings redis = bind(Map.of("eplly.redis.host", "r1", "eplly.redis.port", "6380",
        "eplly.redis.cluster-nodes", "a:7000,b:7001", "eplly.redis.username", "u", "eplly.redis.password", "p",
        "eplly.redis.ssl", "true", "eplly.redis.truststore", "/ca.pem", "eplly.redis.timeout", "250ms",
        "eplly.redis.pool-size", "4")).redis();

    assertThat(redis).isEqualTo(new RedisSettings("r1", 6380, List.of("a:7000", "b:7001"), 0, "u", "p", true,
        "/ca.pem", null, Duration.ofMillis(250), "eplly-api", 4));
  }

  private static EpllyProperties bind(Map<String, Object> overrides) {
    return BoundProperties.bind(overrides);
  }
}
