package com.eplly.recommender.cli;

import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.model.ModelStoreException;
import com.eplly.recommender.model.VersionId;
import com.eplly.recommender.publish.PublishJob;
import com.eplly.recommender.publish.PublishResult;
import com.eplly.recommender.publish.RedisEndpoint;
import com.eplly.recommender.train.Progress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reco publish}: writes a trained version to Redis and makes it the active one. */
@Command(name = "publish", description = "write a trained version's lists to Redis (with TTL), then activate it")
final class PublishCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Option(names = "--version", defaultValue = VersionId.LATEST, converter = Converters.VersionOrLatest.class,
      description = "version folder to publish, or '" + VersionId.LATEST + "'")
  String version;

  @Mixin
  ModelsOption models;

  @Mixin
  RedisOptions redis;

  @Mixin
  TtlOption ttl;

  @Mixin
  GateOptions gate;

  @Mixin
  MasterOption master;

  @Mixin
  HelpOption help;

  PublishCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    RedisEndpoint endpoint = redis.endpoint();
    try (SparkSession spark = SparkSessions.start(master.url)) {
      ModelStore store = new ModelStore(models.folder, spark.sparkContext().hadoopConfiguration());
      String chosen = version.equals(VersionId.LATEST)
          ? store.latest().map(ModelMeta::version)
              .orElseThrow(() -> new ModelStoreException("no trained versions in " + store.root() + "; run 'reco train' first"))
          : version;
      publishAndReport(spark, store, endpoint, chosen, ttl.duration, gate, ctx, new Progress(ctx.out(), PublishJob.STEPS));
    }
    return RecoCli.OK;
  }

  static PublishResult publishAndReport(SparkSession spark, ModelStore store, RedisEndpoint redis, String version,
      Duration ttl, GateOptions gate, CliContext ctx, Progress progress) {
    PublishResult r = new PublishJob(spark, store, redis, ctx.clock(), progress)
        .publish(version, ttl, gate.gate(), gate.force);
    ctx.out().println();
    ctx.out().printf(Locale.ROOT, "published %s to %s: %,d article lists, %,d reader lists, %d popular, TTL %s (%.1f s)%n",
        r.version(), redis.display(), r.articleKeys(), r.readerKeys(), r.popularItems(), Durations.format(ttl), r.seconds());
    ctx.out().println("quality gate: " + r.gate());
    ctx.out().println("active version: " + r.version() + (r.previousActive() == null ? "" : " (previous: " + r.previousActive() + ")"));
    return r;
  }
}
