package com.eplly.recommender.cli;

import picocli.CommandLine.Option;

/** {@code --models}: where trained versions are kept. */
final class ModelsOption {

  @Option(names = "--models", defaultValue = "var/models",
      description = "folder (or Hadoop URI) holding trained versions")
  String folder;
}
