package com.eplly.api.recommend;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Keeps Spring's generic per-request observation ({@code http.server.requests}) off the
 * recommendation endpoint, the api's hot path: it has its own latency histogram and counters in
 * {@link RecommendationMetrics}, and the generic one (tags built and timers looked up on every
 * request) cost about a tenth of the endpoint's CPU. Every other endpoint keeps it.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationObservations {

  @Bean
  ObservationPredicate skipRecommendationRequests() {
    return (name, context) -> !(context instanceof ServerRequestObservationContext request
        && RecommendationServlet.PATH.equals(request.getCarrier().getRequestURI()));
  }
}
