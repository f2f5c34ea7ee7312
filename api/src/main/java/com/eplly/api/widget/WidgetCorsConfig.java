package com.eplly.api.widget;

import com.eplly.api.config.EpllyProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the widget, running on a portal's own origin, read articles and post page views and viewable
 * impressions (no cookies are involved, so no credentials are allowed; recommendations are read
 * under the same rule, which {@code RecommendationServlet} applies itself). Reads are open to
 * {@code eplly.widget.read-origins} ({@code *} by default: the widget is embedded on pages of the
 * portal's many sites, and a read changes nothing and carries nothing a caller could not fetch
 * without a browser). Posts only to {@code eplly.widget.allowed-origins} (none by default); since a
 * text/plain post skips the preflight, {@code EventIntakeFilter} refuses the others server-side.
 */
@Configuration(proxyBeanMethods = false)
class WidgetCorsConfig implements WebMvcConfigurer {

  private final String[] readOrigins;
  private final String[] writeOrigins;

  WidgetCorsConfig(EpllyProperties properties) {
    this.readOrigins = properties.widget().readOrigins().toArray(String[]::new);
    this.writeOrigins = properties.widget().allowedOrigins().toArray(String[]::new);
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry.addMapping("/v1/articles/**").allowedOrigins(readOrigins).allowedMethods("GET");
    registry.addMapping("/v1/articles").allowedOrigins(readOrigins).allowedMethods("GET");
    for (String write : new String[] {"/v1/events", "/v1/impressions"}) {
      registry.addMapping(write).allowedOrigins(writeOrigins).allowedMethods("POST").allowedHeaders("Content-Type");
    }
  }
}
