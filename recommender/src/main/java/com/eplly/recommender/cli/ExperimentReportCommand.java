package com.eplly.recommender.cli;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.experiment.ArmCounts;
import com.eplly.contracts.experiment.Experiment;
import com.eplly.contracts.experiment.ExperimentJson;
import com.eplly.contracts.experiment.ExperimentReport;
import com.eplly.contracts.experiment.ExperimentReporter;
import com.eplly.contracts.experiment.LookSchedule;
import com.eplly.contracts.experiment.stats.AlwaysValidTest;
import com.eplly.contracts.experiment.stats.Interval;
import com.eplly.contracts.experiment.stats.SrmCheck;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.recommender.experiment.ExperimentLakeCounts;
import com.eplly.recommender.lake.LakeReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code reco experiment-report}: an experiment's authoritative figures from the lake (the live
 * counters' rules replayed over every impression and click, {@link ExperimentLakeCounts}), in the
 * admin API's report shape, with its hourly looks.
 */
@Command(name = "experiment-report",
    description = "an experiment's report from the lake (served, viewable, clicks per arm; CTR, lift, always-valid p-value, SRM)")
final class ExperimentReportCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Option(names = "--lake", required = true, paramLabel = "<folder>", description = "the event lake (folder or Hadoop URI)")
  String lake;

  @Option(names = "--name", required = true, description = "the experiment")
  String name;

  @Option(names = "--json", paramLabel = "<file>", description = "also write the report as JSON to this file")
  Path json;

  @Mixin
  RedisOptions redis;

  @Mixin
  MasterOption master;

  @Mixin
  HelpOption help;

  ExperimentReportCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    ExperimentJson codec = new ExperimentJson();
    Experiment experiment;
    try (UnifiedJedis client = redis.endpoint().open()) {
      String stored = client.hget(Keyspace.experiments(), name);
      if (stored == null) {
        ctx.err().println("error: no experiment named " + name + " in " + redis.endpoint());
        return RecoCli.FAILED;
      }
      if (!(codec.read(stored) instanceof Decoded.Valid<Experiment> valid)) {
        ctx.err().println("error: the stored definition of " + name + " does not read: " + stored);
        return RecoCli.FAILED;
      }
      experiment = valid.value();
    }
    Map<Instant, Map<String, ArmCounts>> byPeriod;
    try (SparkSession spark = SparkSessions.start(master.url)) {
      LakeReader reader = new LakeReader(spark, lake);
      byPeriod = new ExperimentLakeCounts().byPeriod(reader.impressions(), reader.clicks(), name);
    }
    ExperimentReport report = new ExperimentReporter(new AlwaysValidTest(AlwaysValidTest.DEFAULT_TAU))
        .report(experiment, looks(experiment, byPeriod, ctx.clock()));
    print(report, ctx.out());
    if (json != null) {
      Files.writeString(json, codec.write(report), StandardCharsets.UTF_8);
      ctx.out().println("wrote " + json);
    }
    return RecoCli.OK;
  }

  /** Running sums at the end of each hour from the start to the stop (or now), as the admin API's looks. */
  static List<Map<String, ArmCounts>> looks(Experiment experiment, Map<Instant, Map<String, ArmCounts>> byPeriod,
      Clock clock) {
    Instant end = experiment.running() ? clock.instant() : experiment.stoppedAt();
    List<Map<String, ArmCounts>> looks = new ArrayList<>();
    Map<String, ArmCounts> total = new HashMap<>();
    for (Instant period : LookSchedule.periods(experiment.startedAt(), end)) {
      byPeriod.getOrDefault(period, Map.of()).forEach((arm, c) -> total.merge(arm, c, (a, b) -> new ArmCounts(
          a.units() + b.units(), a.served() + b.served(), a.viewable() + b.viewable(), a.clicks() + b.clicks())));
      looks.add(Map.copyOf(total));
    }
    return looks;
  }

  private static void print(ExperimentReport report, PrintStream out) {
    out.printf(Locale.ROOT, "experiment %s (%s, unit %s), %d hourly looks%n", report.name(), report.status().json(),
        report.unit().json(), report.looks());
    out.printf(Locale.ROOT, "%-8s %-24s %6s %10s %10s %10s %8s %8s  %s%n", "ARM", "SERVES", "SHARE", "UNITS", "SERVED",
        "VIEWABLE", "CLICKS", "CTR", "CTR 95 %");
    for (ExperimentReport.ArmReport a : report.arms()) {
      out.printf(Locale.ROOT, "%-8s %-24s %5d%% %,10d %,10d %,10d %,8d %7.3f%%  %s%n", a.name(),
          a.version() != null ? a.version() : a.policy().json(), a.share(), a.units(), a.served(), a.viewable(),
          a.clicks(), a.ctr() == null ? Double.NaN : 100 * a.ctr(), percent(a.ctrCi95(), "%.3f"));
    }
    for (ExperimentReport.LiftReport l : report.lifts()) {
      out.printf(Locale.ROOT, "lift of %s over %s: %s (95 %% %s), always-valid p %.4g, fixed-horizon p %.4g%n", l.arm(),
          l.control(), l.relative() == null ? "-" : String.format(Locale.ROOT, "%+.2f %%", 100 * l.relative()),
          l.ci95() == null ? "-" : percent(l.ci95(), "%+.2f"), l.pValue(), l.fixedHorizonPValue());
    }
    SrmCheck srm = report.srm();
    out.printf(Locale.ROOT, "sample ratio: chi-square %.3f, p %.4g: %s%n", srm.chiSquare(), srm.pValue(),
        srm.ok() ? "ok" : "MISMATCH (units are not split as the shares say; the assignment is broken)");
  }

  /** {@code [lo %, hi %]} of a proportion's interval, each bound in {@code format}. */
  private static String percent(Interval interval, String format) {
    return String.format(Locale.ROOT, "[" + format + " %%, " + format + " %%]", 100 * interval.lo(), 100 * interval.hi());
  }
}
