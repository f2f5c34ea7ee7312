package com.eplly.recommender.cli;

import java.util.List;

/** One subcommand of {@code reco}. */
public interface Command {

  String name();

  /** Positional syntax after the name, e.g. {@code VERSION}; empty when none. */
  default String arguments() {
    return "";
  }

  /** One line for the command list. */
  String summary();

  List<Flag> flags();

  /** Runs the command; returns the process exit code. */
  int run(CommandArgs args, CliContext context) throws Exception;
}
