package com.eplly.recommender.cli;

import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.contracts.redis.VersionRegistry;
import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.publish.PublishJob;
import com.eplly.recommender.publish.RedisEndpoint;
import com.eplly.recommender.train.Progress;
import com.eplly.recommender.train.SelfTuning;
import com.eplly.recommender.train.TrainJob;
import com.eplly.recommender.train.TrainParams;
import com.eplly.recommender.train.TrainResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reco train}: trains a version from the lake, optionally publishing it. */
@Command(name = "train",
    description = "train co-visitation, ALS and popularity lists from the lake into a new version folder")
final class TrainCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Option(names = "--lake", paramLabel = "<folder-or-uri>", defaultValue = "var/lake",
      description = "event lake root: a folder or a Hadoop FileSystem URI (hdfs://, s3a://)")
  String lake;

  @Mixin
  ModelsOption models;

  @Mixin
  MasterOption master;

  @Option(names = "--version", converter = Converters.VersionName.class,
      description = "version name (default v<yyyyMMdd-HHmmss> UTC)")
  String version;

  @Mixin
  TrainParamsOptions params;

  @Option(names = "--tune", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "tune ALS, EASE and the hybrid's weights on the newest --tune-window of the lake first and record "
          + "the validation metrics in model.json (default: on; --no-tune trains with the parameters as given)")
  boolean tune;

  @Option(names = "--tune-window", paramLabel = "<duration>", defaultValue = "24h", converter = Converters.PositiveDuration.class,
      description = "the newest page views held out to tune and validate on (default: ${DEFAULT-VALUE})")
  Duration tuneWindow;

  @Option(names = "--tune-lookback", paramLabel = "<duration>", defaultValue = "1d",
      description = "the page views before the --tune-window that tuning fits on; older ones are not read by it "
          + "(news goes stale: the newest days are what the next model serves), 0 = all (default: ${DEFAULT-VALUE})")
  Duration tuneLookback;

  @Option(names = "--tune-als-grid",
      description = "try ALS at a small grid of rank, regularisation and alpha and keep the best (about doubles "
          + "tuning's cost); by default ALS is fit once, at --rank, --reg-param and --alpha")
  boolean tuneAlsGrid;

  @Option(names = "--tune-queries", paramLabel = "<n>", defaultValue = "2000", converter = Converters.PositiveInt.class,
      description = "validation queries scored per protocol, sampled (seeded) beyond it (default: ${DEFAULT-VALUE})")
  int tuneQueries;

  @Spec
  CommandSpec spec;

  @Option(names = "--publish", description = "publish the version to Redis and activate it when training succeeds")
  boolean publish;

  @Mixin
  RedisOptions redis;

  @Mixin
  TtlOption ttl;

  @Mixin
  GateOptions gate;

  @Mixin
  HelpOption help;

  TrainCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    RedisEndpoint endpoint = redis.endpoint(); // a bad password file fails before a long training
    try (SparkSession spark = SparkSessions.start(master.url)) {
      ModelStore store = new ModelStore(models.folder, spark.sparkContext().hadoopConfiguration());
      int steps = TrainJob.STEPS + (tune ? TrainJob.TUNING_STEPS : 0) + (publish ? PublishJob.STEPS : 0);
      Progress progress = new Progress(ctx.out(), steps);
      TrainParams given = params.params();
      // --hybrid names the weights: they are kept, the rest is still tuned.
      Optional<HybridWeights> weights = spec.commandLine().getParseResult().hasMatchedOption("--hybrid")
          ? Optional.of(given.hybrid()) : Optional.empty();
      Optional<SelfTuning> tuning = tune
          ? Optional.of(new SelfTuning(tuneWindow, tuneLookback, tuneQueries, tuneAlsGrid, weights,
              activeVersion(endpoint))) : Optional.empty();
      TrainResult result = new TrainJob(spark, store, ctx.clock(), progress)
          .train(lake, given, Optional.ofNullable(version), tuning);
      printSummary(result, ctx.out());
      if (publish) {
        PublishCommand.publishAndReport(spark, store, endpoint, result.meta().version(), ttl.duration, gate, ctx, progress);
      }
    }
    return RecoCli.OK;
  }

  /** The version the api serves now, compared with on the validation window; none when Redis is out of reach. */
  private Optional<String> activeVersion(RedisEndpoint endpoint) {
    try (UnifiedJedis client = endpoint.open()) {
      return new VersionRegistry(client).active();
    } catch (JedisException e) {
      ctx.out().println("warning: Redis at " + endpoint.display() + " is out of reach (" + e.getMessage()
          + "): the new version is not compared with the active one");
      return Optional.empty();
    }
  }

  static void printSummary(TrainResult result, PrintStream out) {
    ModelMeta m = result.meta();
    out.println();
    out.println("trained " + m.version() + " -> " + result.stored().folder());
    String[] heads = {"events", "readers", "articles", "sessions", "article lists", "reader lists", "popular", "seconds"};
    String[] values = {
        fmt(m.input().get("events")), fmt(m.input().get("readers")), fmt(m.input().get("articles")),
        fmt(m.input().get("sessions")), fmt(m.output().get("articleLists")), fmt(m.output().get("readerLists")),
        fmt(m.output().get("popular")), String.format(Locale.ROOT, "%.1f", m.trainSeconds())};
    StringBuilder head = new StringBuilder();
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < heads.length; i++) {
      int width = Math.max(heads[i].length(), values[i].length()) + 2;
      head.append(String.format("%" + width + "s", heads[i]));
      row.append(String.format("%" + width + "s", values[i]));
    }
    out.println(head);
    out.println(row);
    StringBuilder steps = new StringBuilder("step seconds:");
    result.stepSeconds().forEach((k, v) -> steps.append(String.format(Locale.ROOT, " %s %.1f", k, v)));
    out.println(steps);
  }

  private static String fmt(Long n) {
    return n == null ? "-" : String.format(Locale.ROOT, "%,d", n);
  }
}
