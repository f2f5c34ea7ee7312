package com.eplly.api.widget;

import com.eplly.api.config.EpllyProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the widget, running on a portal's own origin, read recommendations and post page views
 * (no cookies are involved, so no credentials are allowed).
 */
@Configuration(proxyBeanMethods = false)
class WidgetCorsConfig implements WebMvcConfigurer {

  private final String[] origins;

  WidgetCorsConfig(EpllyProperties properties) {
    this.origins = properties.widget().allowedOrigins().toArray(String[]::new);
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry.addMapping("/v1/recommendations").allowedOrigins(origins).allowedMethods("GET");
    registry.addMapping("/v1/events").allowedOrigins(origins).allowedMethods("POST")
        .allowedHeaders("Content-Type");
  }
}
