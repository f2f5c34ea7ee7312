package com.eplly.contracts.experiment;

/** What the live counters count per arm ({@link ArmCounts}), as spelled in their Redis fields. */
public enum ArmMeasure {
  /** Assignment units (readers or sessions) first seen in the arm. */
  UNITS("units"),
  /** Answers served. */
  SERVED("served"),
  /** Answers the widget reported viewable. */
  VIEWABLE("viewable"),
  /** Clicks on served suggestions. */
  CLICKS("clicks");

  private final String field;

  ArmMeasure(String field) {
    this.field = field;
  }

  public String field() {
    return field;
  }
}
