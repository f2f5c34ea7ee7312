package com.eplly.recommender.cli;

import com.eplly.recommender.model.ListsComparison;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.model.StoredVersion;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reco compare}: whether two trained versions hold the same lists, e.g. the same training
 * run in local mode and on a cluster. Exit code 0 when they do, 1 when not.
 */
@Command(name = "compare",
    description = "check that two trained versions hold the same lists (same articles, same order, same scores)",
    exitCodeList = {"0:the same lists", "1:different lists, or failed", "2:bad usage (an unknown or bad option)"})
final class CompareCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Option(names = "--models", paramLabel = "<folder>", required = true,
      description = "models folder (or Hadoop URI) of the first version")
  String models;

  @Option(names = "--version", required = true, description = "the first version")
  String version;

  @Option(names = "--other-models", paramLabel = "<folder>",
      description = "models folder of the second version (default: --models)")
  String otherModels;

  @Option(names = "--other-version", paramLabel = "<version>", description = "the second version (default: --version)")
  String otherVersion;

  // Spark adds shuffled values in the order their blocks arrive, which differs between local
  // mode and a cluster; ALS works in float32, so its scores move by ~1e-6 while every list
  // keeps the same articles in the same order.
  @Option(names = "--tolerance", paramLabel = "<x>", defaultValue = "1e-5",
      converter = Converters.NonNegativeDouble.class,
      description = "largest score difference still counted as equal")
  double tolerance;

  @Mixin
  MasterOption master;

  @Mixin
  HelpOption help;

  CompareCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    String secondModels = otherModels == null ? models : otherModels;
    String secondVersion = otherVersion == null ? version : otherVersion;
    try (SparkSession spark = SparkSessions.start(master.url)) {
      var hadoop = spark.sparkContext().hadoopConfiguration();
      ModelStore first = new ModelStore(models, hadoop);
      ModelStore second = new ModelStore(secondModels, hadoop);
      first.readMeta(version);
      second.readMeta(secondVersion);
      StoredVersion one = first.version(version);
      StoredVersion other = second.version(secondVersion);
      List<ListsComparison.Diff> diffs = new ListsComparison(spark).compare(one, other);
      ctx.out().println("comparing " + one.folder() + " with " + other.folder());
      ctx.out().printf("%-14s %10s %10s %10s %10s %14s%n", "LISTS", "COUNT", "ONLY 1ST", "ONLY 2ND", "REORDERED", "MAX SCORE DIFF");
      boolean same = true;
      for (ListsComparison.Diff d : diffs) {
        ctx.out().printf(Locale.ROOT, "%-14s %,10d %,10d %,10d %,10d %14.3g%n", d.kind(), d.lists(), d.onlyFirst(),
            d.onlySecond(), d.differentOrder(), d.maxScoreDiff());
        same &= d.sameWithin(tolerance);
      }
      ctx.out().println(same ? "SAME lists (scores within " + tolerance + ")" : "DIFFERENT lists");
      return same ? RecoCli.OK : RecoCli.FAILED;
    }
  }
}
