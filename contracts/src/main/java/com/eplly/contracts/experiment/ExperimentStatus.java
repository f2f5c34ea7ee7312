package com.eplly.contracts.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an experiment still assigns units and counts impressions. */
public enum ExperimentStatus {
  RUNNING("running"),
  STOPPED("stopped");

  private final String json;

  ExperimentStatus(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}
