package com.eplly.recommender.publish;

/** A version operation in Redis cannot be done (nothing to roll back to, unknown version). */
public class RegistryException extends RuntimeException {
  public RegistryException(String message) {
    super(message);
  }
}
