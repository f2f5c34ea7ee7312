package com.eplly.recommender.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} of a subcommand. Not picocli's standard help mixin, whose
 * {@code --version} would clash with the model version option of {@code train} and {@code publish}.
 */
final class HelpOption {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean requested;
}
