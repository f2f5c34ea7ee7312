package com.eplly.contracts.redis;

/** A model-version operation cannot be done: the version is unknown, or there is nothing to roll back to. */
public class RegistryException extends RuntimeException {

  /** What went wrong, so that callers can answer 404 or 409 without parsing messages. */
  public enum Kind { UNKNOWN_VERSION, NOTHING_TO_ROLL_BACK }

  private final Kind kind;

  public RegistryException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
