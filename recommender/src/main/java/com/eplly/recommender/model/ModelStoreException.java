package com.eplly.recommender.model;

/** A version is missing, unfinished or unreadable on disk; the message is for users. */
public class ModelStoreException extends RuntimeException {
  public ModelStoreException(String message) {
    super(message);
  }

  public ModelStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
