package com.eplly.recommender.cli;

import com.eplly.recommender.model.ListsComparison;
import com.eplly.recommender.model.ModelStore;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * {@code reco compare}: whether two trained versions hold the same lists, e.g. the same training
 * run in local mode and on a cluster. Exit code 0 when they do, 1 when not.
 */
final class CompareCommand implements Command {

  static final List<Flag> FLAGS = List.of(
      Flag.option("models", null, "models folder (or Hadoop URI) of the first version"),
      Flag.option("version", null, "the first version"),
      Flag.option("other-models", null, "models folder of the second version (default: --models)"),
      Flag.option("other-version", null, "the second version (default: --version)"),
      // Spark adds shuffled values in the order their blocks arrive, which differs between local
      // mode and a cluster; ALS works in float32, so its scores move by ~1e-6 while every list
      // keeps the same articles in the same order.
      Flag.option("tolerance", "1e-5", "largest score difference still counted as equal"),
      Flag.MASTER);

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String summary() {
    return "check that two trained versions hold the same lists (same articles, same order, same scores)";
  }

  @Override
  public List<Flag> flags() {
    return FLAGS;
  }

  @Override
  public int run(CommandArgs args, CliContext ctx) throws Exception {
    String models = args.string("models");
    String version = args.string("version");
    String otherModels = args.optional("other-models").orElse(models);
    String otherVersion = args.optional("other-version").orElse(version);
    double tolerance = args.nonNegativeDouble("tolerance");
    try (SparkSession spark = SparkSessions.start(args.string("master"))) {
      var hadoop = spark.sparkContext().hadoopConfiguration();
      ModelStore first = new ModelStore(models, hadoop);
      ModelStore second = new ModelStore(otherModels, hadoop);
      first.readMeta(version);
      second.readMeta(otherVersion);
      List<ListsComparison.Diff> diffs = new ListsComparison(spark).compare(first.version(version), second.version(otherVersion));
      ctx.out().println("comparing " + first.version(version).folder() + " with " + second.version(otherVersion).folder());
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
