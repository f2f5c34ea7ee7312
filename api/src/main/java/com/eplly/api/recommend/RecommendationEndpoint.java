package com.eplly.api.recommend;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.ErrorBody;
import com.eplly.api.errors.InternalErrors;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mounts {@link RecommendationServlet} at {@link RecommendationServlet#PATH} (an exact servlet
 * mapping wins over the dispatcher's {@code /}) and describes it in the OpenAPI document, which
 * only sees MVC controllers by itself.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationEndpoint {

  @Bean
  ServletRegistrationBean<RecommendationServlet> recommendationServlet(RecommendationService service,
      ServedEventPublisher served, EpllyProperties properties, InternalErrors internalErrors, JsonMapper json) {
    var registration = new ServletRegistrationBean<>(
        new RecommendationServlet(service, served, properties, internalErrors, json), RecommendationServlet.PATH);
    registration.setName("recommendations");
    registration.setLoadOnStartup(1);
    return registration;
  }

  @Bean
  OpenApiCustomizer recommendationsInOpenApi() {
    return openApi -> {
      ModelConverters.getInstance().readAll(RecommendationResponse.class).forEach(openApi.getComponents()::addSchemas);
      ModelConverters.getInstance().readAll(ErrorBody.class).forEach(openApi.getComponents()::addSchemas);
      Operation get = new Operation()
          .addTagsItem("recommendations")
          .summary("\"You Might Like\" list for an article, reader or session (at least one id)")
          .description("Never lists the current article, the reader's or session's recent reads, hidden or "
              + "expired articles or the excluded ids; degraded=true when served from the last-known snapshot. "
              + "requestId identifies the answer: the widget's viewable impression and clicks carry it.")
          .parameters(List.of(
              id("articleId", "the article being read"),
              id("readerId", "the reader"),
              id("sessionId", "the browsing session"),
              new QueryParameter().name("limit").description("items wanted, 1..max-limit").schema(new IntegerSchema()),
              new QueryParameter().name("exclude").description("comma-separated article ids never to list")
                  .schema(new StringSchema())))
          .responses(new ApiResponses()
              .addApiResponse("200", json("the suggestions, best first", RecommendationResponse.class))
              .addApiResponse("400", json("a parameter is missing or invalid", ErrorBody.class))
              .addApiResponse("500", json("a bug: the body names the request id", ErrorBody.class)));
      openApi.path(RecommendationServlet.PATH, new PathItem().get(get));
    };
  }

  private static QueryParameter id(String name, String description) {
    return (QueryParameter) new QueryParameter().name(name).description(description).schema(new StringSchema());
  }

  private static ApiResponse json(String description, Class<?> body) {
    Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + body.getSimpleName());
    return new ApiResponse().description(description)
        .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
            new MediaType().schema(ref)));
  }
}
