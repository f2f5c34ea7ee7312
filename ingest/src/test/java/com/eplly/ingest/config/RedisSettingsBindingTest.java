package com.eplly.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.redis.RedisSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Ingest's {@code eplly.redis.*} defaults (application.yml) on the shared {@link RedisSettings}: Jedis's
 * own pool and retries, a 2 s timeout. Every field's binding: the api's RedisSettingsBindingTest.
 */
class RedisSettingsBindingTest {

  @Test
  void ingestsDefaultsAreApplicationYmls() throws Exception {
    List<PropertySource<?>> yml = new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"));
    RedisSettings redis = new Binder(ConfigurationPropertySources.from(yml), new PropertySourcesPlaceholdersResolver(yml))
        .bind("eplly", IngestProperties.class).get().redis();

    assertThat(redis).isEqualTo(new RedisSettings("localhost", 6379, List.of(), 0, null, null, false, null, null,
        Duration.ofSeconds(2), "eplly-ingest", 0));
  }
}
