package com.eplly.contracts.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** A baseline an arm can serve instead of a model version. */
public enum Policy {
  /** The trending and popular fallbacks only: what a reader gets without any model. */
  POPULAR("popular"),
  /** Random articles: the floor any model must clear. */
  RANDOM("random");

  private final String json;

  Policy(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}
