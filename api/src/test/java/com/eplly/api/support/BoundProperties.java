package com.eplly.api.support;

import com.eplly.api.config.EpllyProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The api's typed properties as the application binds them (application.yml), with overrides, without a context. */
public final class BoundProperties {

  private BoundProperties() {}

  public static EpllyProperties bind(Map<String, Object> overrides) {
    List<PropertySource<?>> sources = new ArrayList<>();
    sources.add(new MapPropertySource("overrides", overrides));
    try {
      sources.addAll(new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
        .bind("eplly", EpllyProperties.class).get();
  }
}
