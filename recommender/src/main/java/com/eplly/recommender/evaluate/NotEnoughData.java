package com.eplly.recommender.evaluate;

/** A protocol cannot split the data it was given: too short a span, or no query left to ask. */
public final class NotEnoughData extends IllegalArgumentException {

  public NotEnoughData(String message) {
    super(message);
  }
}
