package com.eplly.contracts.editorial;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an editorial rule does to the suggestions. */
public enum RuleKind {
  /** An article, a section or a tag is never suggested. */
  BLOCK("block"),
  /** An article takes a fixed slot on the pages of a section or a tag. */
  PIN("pin"),
  /** A section or a tag moves up (factor above 1) or down (below 1) the list. */
  BOOST("boost");

  private final String json;

  RuleKind(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}
