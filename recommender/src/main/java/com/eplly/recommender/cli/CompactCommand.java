package com.eplly.recommender.cli;

import com.eplly.recommender.compact.CompactionHooks;
import com.eplly.recommender.compact.Compactor;
import com.eplly.recommender.compact.DatasetSummary;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reco compact}: closed lake hours to Parquet, duplicates and erased readers' events removed. */
@Command(name = "compact",
    description = "rewrite the lake's closed hours of page views and impressions as Parquet (duplicates and erased "
        + "readers' events removed; crash-safe, idempotent); also rewrites compacted hours holding newly erased readers")
final class CompactCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Option(names = "--lake", paramLabel = "<folder-or-uri>", defaultValue = "var/lake",
      description = "event lake root: a folder or a Hadoop FileSystem URI (hdfs://, s3a://)")
  String lake;

  @Option(names = "--grace", paramLabel = "<duration>", defaultValue = "2h",
      description = "an hour is compacted once it ended this long ago")
  Duration grace;

  @Option(names = "--break-lock",
      description = "remove the lock a killed run left (only when no other reco compact runs on this lake)")
  boolean breakLock;

  @Mixin
  MasterOption master;

  @Mixin
  HelpOption help;

  CompactCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    List<DatasetSummary> summaries;
    try (SparkSession spark = SparkSessions.start(master.url)) {
      summaries = new Compactor(spark, ctx.out(), CompactionHooks.NONE)
          .run(lake, grace, ctx.clock().instant(), breakLock);
    }
    ctx.out().println();
    ctx.out().printf(Locale.ROOT, "%-12s %6s %12s %12s %10s %8s %8s %8s%n",
        "dataset", "hours", "events in", "events out", "duplicate", "erased", "JSONL", "seconds");
    for (DatasetSummary s : summaries) {
      ctx.out().printf(Locale.ROOT, "%-12s %6d %,12d %,12d %,10d %,8d %8d %8.1f%n", s.dataset(), s.hours(), s.read(),
          s.kept(), s.duplicates(), s.erased(), s.retired(), s.seconds());
    }
    ctx.out().printf(Locale.ROOT, "compacted in %.1f s%n", (System.nanoTime() - started) / 1e9);
    return RecoCli.OK;
  }
}
