package com.eplly.recommender.train;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a long job's steps as they start and finish, with their durations. */
public final class Progress {

  private final PrintStream out;
  private final int steps;
  private int current;
  private long startedNanos;

  public Progress(PrintStream out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  public void begin(String step) {
    current++;
    startedNanos = System.nanoTime();
    out.printf(Locale.ROOT, "[%d/%d] %s ...%n", current, steps, step);
    out.flush();
  }

  /** Ends the current step; returns its seconds. */
  public double end(String result) {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    out.printf(Locale.ROOT, "      %s (%.1f s)%n", result, seconds);
    out.flush();
    return seconds;
  }

  /** Where the steps are printed, for a nested job's own progress. */
  public PrintStream out() {
    return out;
  }

  public void note(String line) {
    out.println("      " + line);
    out.flush();
  }
}
