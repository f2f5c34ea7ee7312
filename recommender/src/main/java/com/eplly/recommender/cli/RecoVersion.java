package com.eplly.recommender.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** What {@code reco --version} prints: the version in recommender.jar's manifest, and the Spark and Java it runs on. */
final class RecoVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Optional.ofNullable(RecoCli.class.getPackage().getImplementationVersion())
        .orElse("(development build: not run from recommender.jar)");
    return new String[] {"reco " + version,
        "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Java ${java.version} (${java.vendor})"};
  }
}
