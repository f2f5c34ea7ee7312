package com.eplly.api.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the API-key check in front of every {@code /v1/admin/**} endpoint (models, experiments). */
@Configuration(proxyBeanMethods = false)
class AdminWebConfig implements WebMvcConfigurer {

  /** Every admin path: model versions, experiments. */
  static final String ADMIN = "/v1/admin";

  private final AdminApiKey apiKey;

  AdminWebConfig(AdminApiKey apiKey) {
    this.apiKey = apiKey;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(apiKey).addPathPatterns(ADMIN + "/**");
  }
}
