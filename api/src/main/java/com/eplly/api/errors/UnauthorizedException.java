package com.eplly.api.errors;

/** A request without the right credentials; answered 401 with the message. */
public class UnauthorizedException extends RuntimeException {

  public UnauthorizedException(String message) {
    super(message);
  }
}
