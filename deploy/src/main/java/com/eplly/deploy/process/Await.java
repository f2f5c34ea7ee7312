package com.eplly.deploy.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, a deadline passes, or the process that should make it true dies. */
public final class Await {

  private static final Duration POLL = Duration.ofMillis(250);

  private Await() {}

  /**
   * @param what     what is awaited, for the error message ("ingest to report UP")
   * @param owner    the process expected to bring it about (its death ends the wait early), or null
   */
  public static void until(String what, Duration timeout, ChildProcess owner, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return;
      }
      if (owner != null && !owner.isAlive()) {
        throw new StepFailedException(owner.name() + " exited while waiting for " + what, owner);
      }
      if (System.nanoTime() > deadline) {
        throw new StepFailedException("timed out after " + timeout.toSeconds() + " s waiting for " + what, owner);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StepFailedException("interrupted while waiting for " + what, owner);
      }
    }
  }
}
