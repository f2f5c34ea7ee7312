package com.eplly.api.admin;

import com.eplly.api.audit.AuditInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the API-key check in front of every {@code /v1/admin/**} endpoint, then the audit of every
 * mutation: in that order, so the audit knows the key's name and never sees a refused key.
 */
@Configuration(proxyBeanMethods = false)
class AdminWebConfig implements WebMvcConfigurer {

  /** Every admin path: model versions, experiments, rules, traffic, audit. */
  static final String ADMIN = "/v1/admin";

  private final AdminApiKey apiKey;
  private final AuditInterceptor audit;

  AdminWebConfig(AdminApiKey apiKey, AuditInterceptor audit) {
    this.apiKey = apiKey;
    this.audit = audit;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(apiKey).addPathPatterns(ADMIN + "/**").order(0);
    registry.addInterceptor(audit).addPathPatterns(ADMIN + "/**").order(1);
  }
}
