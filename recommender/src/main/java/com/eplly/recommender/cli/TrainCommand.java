package com.eplly.recommender.cli;

import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.publish.PublishJob;
import com.eplly.recommender.train.Progress;
import com.eplly.recommender.train.TrainJob;
import com.eplly.recommender.train.TrainResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/** {@code reco train}: trains a version from the lake, optionally publishing it. */
final class TrainCommand implements Command {

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train co-visitation, ALS and popularity lists from the lake into a new version folder";
  }

  @Override
  public List<Flag> flags() {
    return TrainOptions.FLAGS;
  }

  @Override
  public int run(CommandArgs args, CliContext ctx) throws Exception {
    TrainOptions options = TrainOptions.from(args);
    try (SparkSession spark = SparkSessions.start(options.master())) {
      ModelStore store = new ModelStore(options.models(), spark.sparkContext().hadoopConfiguration());
      int steps = TrainJob.STEPS + (options.publish() ? PublishJob.STEPS : 0);
      Progress progress = new Progress(ctx.out(), steps);
      TrainResult result = new TrainJob(spark, store, ctx.clock(), progress)
          .train(options.lake(), options.params(), options.version());
      printSummary(result, ctx.out());
      if (options.publish()) {
        PublishCommand.publishAndReport(spark, store, options.redis(), result.meta().version(), options.ttl(), ctx, progress);
      }
    }
    return 0;
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
