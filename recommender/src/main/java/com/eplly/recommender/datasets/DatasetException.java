package com.eplly.recommender.datasets;

/** A dataset is missing or malformed; the message names the file and, for bad content, the line. */
public class DatasetException extends RuntimeException {
  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
