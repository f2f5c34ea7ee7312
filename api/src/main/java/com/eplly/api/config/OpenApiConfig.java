package com.eplly.api.config;

import com.eplly.api.admin.AdminApiKey;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header and the admin API-key scheme (served at /v3/api-docs). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

  /** Name of the security scheme the admin endpoints refer to. */
  public static final String ADMIN_KEY = "adminApiKey";

  @Bean
  OpenAPI epllyOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Eplly api").version("v1")
            .description("\"You Might Like\" recommendations, page-view intake, catalog reads and model admin."))
        .components(new Components().addSecuritySchemes(ADMIN_KEY, new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(AdminApiKey.HEADER)));
  }
}
