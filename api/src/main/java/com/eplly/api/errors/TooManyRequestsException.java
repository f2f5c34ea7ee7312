package com.eplly.api.errors;

import java.time.Duration;

/** A caller over its rate limit; answered 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequestsException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** When the caller may send again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
