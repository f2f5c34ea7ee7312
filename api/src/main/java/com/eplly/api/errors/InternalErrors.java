package com.eplly.api.errors;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every unexpected exception becomes, whichever part of the api caught it: a count in
 * {@code eplly.api.errors}, a logged stack trace with the request id, and an answer body that
 * names the request id and nothing of the exception.
 */
@Component
public class InternalErrors {

  private static final Logger log = LoggerFactory.getLogger(InternalErrors.class);

  private final MeterRegistry registry;

  public InternalErrors(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts and logs {@code e}, a bug met while answering {@code request}; returns the 500's body. */
  public ErrorBody report(Exception e, HttpServletRequest request) {
    String requestId = RequestIdFilter.of(request);
    registry.counter("eplly.api.errors", "exception", e.getClass().getName()).increment();
    log.error("internal error, requestId={} {} {}", requestId, request.getMethod(), request.getRequestURI(), e);
    return new ErrorBody("internal error", requestId);
  }
}
