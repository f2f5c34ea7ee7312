package com.eplly.deploy.process;

/** A stack step failed; carries the process whose log explains why, when there is one. */
public final class StepFailedException extends RuntimeException {

  private static final int TAIL_LINES = 40;

  private final transient ChildProcess process;

  public StepFailedException(String message, ChildProcess process) {
    super(message);
    this.process = process;
  }

  public StepFailedException(String message, Throwable cause) {
    super(message, cause);
    this.process = null;
  }

  /** The message plus the tail of the process log, ready to print. */
  public String report() {
    if (process == null) {
      return getMessage() + (getCause() != null ? System.lineSeparator() + "  cause: " + getCause() : "");
    }
    return getMessage() + System.lineSeparator()
        + "---- last " + TAIL_LINES + " lines of " + process.log() + " ----" + System.lineSeparator()
        + process.tail(TAIL_LINES) + System.lineSeparator() + "----";
  }
}
