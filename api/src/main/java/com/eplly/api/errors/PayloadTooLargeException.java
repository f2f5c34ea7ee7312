package com.eplly.api.errors;

/** A request body over the endpoint's cap; answered 413 with the message. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(String message) {
    super(message);
  }
}
