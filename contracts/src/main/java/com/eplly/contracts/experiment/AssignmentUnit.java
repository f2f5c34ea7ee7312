package com.eplly.contracts.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an experiment assigns to arms: every reader, or every browsing session, sticks to one arm. */
public enum AssignmentUnit {
  READER("reader"),
  SESSION("session");

  private final String json;

  AssignmentUnit(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}
