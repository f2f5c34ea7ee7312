package com.eplly.recommender.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a command prints to, the clock it reads and the environment it may take secrets from
 * (injected so tests control them).
 */
public record CliContext(PrintStream out, PrintStream err, Clock clock, Map<String, String> env) {

  public CliContext {
    env = Map.copyOf(env);
  }

  /** With an empty environment. */
  public CliContext(PrintStream out, PrintStream err, Clock clock) {
    this(out, err, clock, Map.of());
  }
}
