package com.eplly.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer: {@code {"error": "..."}}, plus the request id on internal
 * errors so a caller's report can be matched with the server's log.
 */
public record ErrorBody(String error, @JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {

  public ErrorBody(String error) {
    this(error, null);
  }
}
