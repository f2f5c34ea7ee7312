package com.eplly.api.errors;

/** A dependency (Kafka, Redis) that cannot serve right now; answered 503 so the caller retries. */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
