package com.eplly.recommender.cli;

import com.eplly.recommender.publish.QualityGate;
import picocli.CommandLine.Option;

/** The quality gate's guards and {@code --force}, of the commands that publish. */
final class GateOptions {

  private static final QualityGate DEFAULTS = QualityGate.defaults();

  @Option(names = "--gate-max-drop", paramLabel = "<share>", converter = Converters.NonNegativeDouble.class,
      description = "refuse a version whose served MRR@10 or HR@10 is this share below the active's "
          + "(default: ${DEFAULT-VALUE})")
  double maxDrop = DEFAULTS.maxDrop();

  @Option(names = "--gate-min-coverage", paramLabel = "<share>", converter = Converters.NonNegativeDouble.class,
      description = "refuse a version whose catalog coverage is below this share of the active's (default: ${DEFAULT-VALUE})")
  double minCoverage = DEFAULTS.minCoverageRatio();

  @Option(names = "--gate-min-lists", paramLabel = "<share>", converter = Converters.NonNegativeDouble.class,
      description = "refuse a version with fewer article lists than this share of the active's (default: ${DEFAULT-VALUE})")
  double minLists = DEFAULTS.minListsRatio();

  @Option(names = "--force", description = "activate even when the quality gate refuses (recorded with the version)")
  boolean force;

  QualityGate gate() {
    return new QualityGate(maxDrop, minCoverage, minLists);
  }
}
