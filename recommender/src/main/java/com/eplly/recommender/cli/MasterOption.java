package com.eplly.recommender.cli;

import picocli.CommandLine.Option;

/** {@code --master} of the commands that run Spark (spark-submit's own {@code --master} wins over it). */
final class MasterOption {

  @Option(names = "--master", defaultValue = "local[2]",
      description = "Spark master: local[N], spark://host:7077, yarn, k8s://…")
  String url;
}
