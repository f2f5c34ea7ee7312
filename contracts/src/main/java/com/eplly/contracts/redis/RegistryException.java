package com.eplly.contracts.redis;

/**
 * A model-version operation cannot be done: the version is unknown or about to expire, there is
 * nothing to roll back to, or the active pointer changed under the caller.
 */
public class RegistryException extends RuntimeException {

  /** What went wrong, so that callers can answer 404 or 409 without parsing messages. */
  public enum Kind {
    /** Not published, or its keys expired. */
    UNKNOWN_VERSION,
    /** No older version with keys left. */
    NOTHING_TO_ROLL_BACK,
    /** Its keys expire within the safety margin: some lists may already be gone. */
    EXPIRING,
    /** The active pointer was not the expected one: someone else switched it first. */
    CONFLICT
  }

  private final Kind kind;

  public RegistryException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
