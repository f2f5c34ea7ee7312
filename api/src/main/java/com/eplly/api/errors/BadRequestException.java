package com.eplly.api.errors;

/** A request the caller must fix; answered 400 with the message. */
public class BadRequestException extends RuntimeException {

  public BadRequestException(String message) {
    super(message);
  }
}
