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
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/** {@code reco publish}: writes a trained version to Redis and makes it the active one. */
final class PublishCommand implements Command {

  @Override
  public String name() {
    return "publish";
  }

  @Override
  public String summary() {
    return "write a trained version's lists to Redis (with TTL), then activate it";
  }

  @Override
  public List<Flag> flags() {
    return PublishOptions.FLAGS;
  }

  @Override
  public int run(CommandArgs args, CliContext ctx) throws Exception {
    PublishOptions options = PublishOptions.from(args);
    try (SparkSession spark = SparkSessions.start(options.master())) {
      ModelStore store = new ModelStore(options.models(), spark.sparkContext().hadoopConfiguration());
      String version = options.version().equals(VersionId.LATEST)
          ? store.latest().map(ModelMeta::version)
              .orElseThrow(() -> new ModelStoreException("no trained versions in " + store.root() + "; run 'reco train' first"))
          : options.version();
      publishAndReport(spark, store, options.redis(), version, options.ttl(), ctx, new Progress(ctx.out(), PublishJob.STEPS));
    }
    return 0;
  }

  static PublishResult publishAndReport(SparkSession spark, ModelStore store, RedisEndpoint redis, String version,
      Duration ttl, CliContext ctx, Progress progress) {
    PublishResult r = new PublishJob(spark, store, redis, ctx.clock(), progress).publish(version, ttl);
    ctx.out().println();
    ctx.out().printf(Locale.ROOT, "published %s to %s: %,d article lists, %,d reader lists, %d popular, TTL %s (%.1f s)%n",
        r.version(), redis.display(), r.articleKeys(), r.readerKeys(), r.popularItems(), Durations.format(ttl), r.seconds());
    ctx.out().println("active version: " + r.version() + (r.previousActive() == null ? "" : " (previous: " + r.previousActive() + ")"));
    return r;
  }
}
