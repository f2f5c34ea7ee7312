package com.eplly.api.errors;

/** A request that is valid but cannot be done in the current state; answered 409 with the message. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
