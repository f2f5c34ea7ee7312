package com.eplly.api.events;

import com.eplly.api.errors.ForbiddenException;
import com.eplly.api.errors.TooManyRequestsException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The checks of {@code POST /v1/events} and {@code POST /v1/impressions} that need no body: the
 * Origin (403) and the client's rate limit (429, one bucket per client for both). A servlet filter,
 * so they run before Spring's CORS handling and before any byte of the body is read; refusals are
 * answered by {@link com.eplly.api.errors.ApiExceptionHandler}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class EventIntakeFilter extends OncePerRequestFilter {

  private final EventOriginPolicy origins;
  private final EventRateLimits limits;
  private final HandlerExceptionResolver errors;
  private final MeterRegistry registry;

  public EventIntakeFilter(
      EventOriginPolicy origins, EventRateLimits limits,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors, MeterRegistry registry) {
    this.origins = origins;
    this.limits = limits;
    this.errors = errors;
    this.registry = registry;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && meterOf(request) != null);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!origins.allows(request)) {
      refuse(request, response, "forbidden-origin",
          new ForbiddenException("pages of this origin may not post events"));
      return;
    }
    Optional<Duration> wait = limits.takeClient(request);
    if (wait.isPresent()) {
      refuse(request, response, "rate-limited",
          new TooManyRequestsException("too many events from this client, retry later", wait.get()));
      return;
    }
    chain.doFilter(request, response);
  }

  /** The outcome counter of the endpoint, or null for any other path. */
  private static String meterOf(HttpServletRequest request) {
    String path = request.getServletPath();
    if (EventController.PATH.equals(path)) {
      return EventController.METER;
    }
    return ImpressionController.PATH.equals(path) ? ImpressionController.METER : null;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String outcome, RuntimeException e) {
    registry.counter(meterOf(request), "outcome", outcome).increment();
    // the body stays unread: the connection is closed rather than drained (WebServerConfig)
    response.setHeader("Connection", "close");
    errors.resolveException(request, response, null, e);
  }
}
