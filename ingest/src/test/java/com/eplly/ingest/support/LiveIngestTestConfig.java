package com.eplly.ingest.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Test wiring for contexts that run the real listeners: a throw-away lake, deleted with the
 * context, and the port of {@link EmbeddedRedisExtension}'s redis-server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LiveIngestTestConfig {

  @Bean(destroyMethod = "delete")
  TempLake tempLake() {
    return TempLake.create("eplly-test-lake-");
  }

  @Bean
  DynamicPropertyRegistrar lakeAndRedisProperties(TempLake lake) {
    return registry -> {
      registry.add("eplly.redis.port", EmbeddedRedisExtension::port);
      registry.add("eplly.ingest.lake-path", () -> lake.root().toString());
    };
  }
}
