package com.eplly.api.errors;

/** A resource that does not exist; answered 404 with the message. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
