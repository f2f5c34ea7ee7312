package com.eplly.api.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the API-key check in front of every {@code /v1/admin/**} endpoint. */
@Configuration(proxyBeanMethods = false)
class AdminWebConfig implements WebMvcConfigurer {

  private final AdminApiKey apiKey;

  AdminWebConfig(AdminApiKey apiKey) {
    this.apiKey = apiKey;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(apiKey).addPathPatterns(AdminController.BASE + "/**");
  }
}
