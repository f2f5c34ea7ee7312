package com.eplly.api.errors;

import java.time.Duration;

/** Formats a {@code Retry-After} value: whole seconds, rounded up, at least one. */
public final class RetryAfter {

  private RetryAfter() {}

  public static String seconds(Duration wait) {
    long millis = Math.max(1, wait.toMillis());
    return Long.toString((millis + 999) / 1000);
  }
}
