package com.eplly.recommender.lake;

/** The lake cannot give what a job needs (missing dataset, unreadable files); message is for users. */
public class LakeException extends RuntimeException {
  public LakeException(String message) {
    super(message);
  }
}
