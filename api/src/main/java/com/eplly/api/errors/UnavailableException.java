package com.eplly.api.errors;

import java.time.Duration;

/**
 * A dependency (Kafka, Redis) that cannot serve right now; answered 503 with {@code Retry-After}
 * so the caller retries later.
 */
public class UnavailableException extends RuntimeException {

  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private final Duration retryAfter;

  public UnavailableException(String message, Throwable cause) {
    this(message, cause, DEFAULT_RETRY_AFTER);
  }

  public UnavailableException(String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the caller should wait before retrying. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
