package com.eplly.api.errors;

/** A request this deployment refuses whatever the credentials (a disabled feature); answered 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
