package com.eplly.api.errors;

/** A request body that did not arrive in time; answered 408 with the message. */
public class RequestTimeoutException extends RuntimeException {

  public RequestTimeoutException(String message) {
    super(message);
  }
}
