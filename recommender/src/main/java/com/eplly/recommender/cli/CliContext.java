package com.eplly.recommender.cli;

import java.io.PrintStream;
import java.time.Clock;

/** What a command prints to and the clock it reads (injected so tests control time). */
public record CliContext(PrintStream out, PrintStream err, Clock clock) {}
