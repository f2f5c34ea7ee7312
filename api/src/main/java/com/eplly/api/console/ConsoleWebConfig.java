package com.eplly.api.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the operators' console at {@value #PATH}: a static page (console.html, .js, .css) that asks
 * for the admin key in the browser and calls the {@code /v1/admin} endpoints with it, so the page
 * itself holds no secret and needs no guard of its own.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfig implements WebMvcConfigurer {

  static final String PATH = "/console";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController(PATH).setViewName("forward:/console.html");
  }
}
