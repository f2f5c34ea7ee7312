package com.eplly.deploy.spark;

import com.eplly.deploy.process.ChildProcess;
import com.eplly.deploy.process.StepFailedException;
import com.eplly.deploy.service.RecommenderCli;
import com.eplly.deploy.service.RepoLayout;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import com.eplly.generator.lake.GeneratedLake;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the same seeded job in local mode and through spark-submit on a cluster, then checks the
 * outputs agree: {@code train} on a generated lake read by {@code file://} URI (lists compared by
 * {@code reco compare}), optionally {@code evaluate} ({@code metrics.json} compared).
 *
 * @param repo    where the recommender is built
 * @param master  the cluster, e.g. {@code spark://127.0.0.1:7077}
 * @param dir     lake, models, evaluation output and logs of this check
 * @param timeout longest any one job may take
 */
public record ClusterCheck(RepoLayout repo, String master, Path dir, Duration timeout) {

  /** End of the generated page views; fixed so that ages, and so scores, do not depend on today. */
  static final Instant AS_OF = Instant.parse("2026-11-27T12:00:00Z");
  private static final String VERSION = "v-check";

  /**
   * Seconds each run took and whether the outputs agree.
   *
   * @param differences what differs; empty when local and cluster agree
   */
  public record Result(String job, double localSeconds, double clusterSeconds, List<String> differences) {
    public boolean same() {
      return differences.isEmpty();
    }
  }

  /** Trains on a generated lake of {@code pageViews} views in both modes and compares the lists. */
  public Result train(int pageViews, long seed, PrintStream out) {
    Path lake = dir.resolve("lake");
    DemoConfig config =
        new DemoConfig(seed, 300, Math.max(50, pageViews / 10), pageViews, AS_OF.toEpochMilli(), Duration.ofDays(3));
    long written = new GeneratedLake(lake).write(new DemoDataGenerator(config), n -> {}).pageViews();
    out.printf(Locale.ROOT, "generated %,d page views into %s%n", written, lake.toUri());
    RecommenderCli reco = new RecommenderCli(repo, "redis://unused");
    double local = run("train-local", reco.local(trainArgs(lake, "local", "local[2]")), out);
    double cluster = run("train-cluster", reco.submit(master, trainArgs(lake, "cluster", master)), out);
    ChildProcess compare = start("compare", reco.local(List.of("compare",
        "--models", models("local"), "--other-models", models("cluster"), "--version", VERSION, "--master", "local[2]")));
    int exit = compare.awaitExit(timeout);
    String report = compare.tail(8);
    out.println(report);
    List<String> differences = new ArrayList<>();
    if (exit != 0) {
      differences.add("reco compare exited " + exit + ": " + report);
    }
    return new Result("train", local, cluster, differences);
  }

  /** Evaluates on the generated dataset of {@code size} views in both modes and compares metrics.json. */
  public Result evaluate(int size, long seed, PrintStream out) {
    RecommenderCli reco = new RecommenderCli(repo, "redis://unused");
    double local = run("evaluate-local", reco.local(evaluateArgs(size, seed, "local", "local[2]")), out);
    double cluster = run("evaluate-cluster", reco.submit(master, evaluateArgs(size, seed, "cluster", master)), out);
    List<String> differences = MetricsComparison.differences(
        dir.resolve("eval-local/metrics.json"), dir.resolve("eval-cluster/metrics.json"));
    return new Result("evaluate", local, cluster, differences);
  }

  private List<String> trainArgs(Path lake, String mode, String sparkMaster) {
    // Without self-tuning: the check compares the lists of one fixed set of parameters.
    return List.of("train", "--no-tune", "--lake", lake.toUri().toString(), "--models", models(mode), "--version", VERSION,
        "--as-of", AS_OF.toString(), "--master", sparkMaster);
  }

  private List<String> evaluateArgs(int size, long seed, String mode, String sparkMaster) {
    return List.of("evaluate", "--dataset", "generated", "--size", String.valueOf(size), "--seed", String.valueOf(seed),
        "--out", dir.resolve("eval-" + mode).toString(), "--master", sparkMaster);
  }

  private String models(String mode) {
    return dir.resolve("models-" + mode).toUri().toString();
  }

  private double run(String name, List<String> command, PrintStream out) {
    long started = System.nanoTime();
    ChildProcess job = start(name, command);
    int exit = job.awaitExit(timeout);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (exit != 0) {
      throw new StepFailedException(name + " exited " + exit, job);
    }
    out.printf(Locale.ROOT, "%-17s %6.1f s  (log %s)%n", name, seconds, job.log());
    return seconds;
  }

  private ChildProcess start(String name, List<String> command) {
    return ChildProcess.start(name, command, dir, dir.resolve("logs/" + name + ".log"));
  }
}
