package com.eplly.deploy.spark;

import com.eplly.deploy.process.StepFailedException;
import com.eplly.deploy.service.RecommenderCli;
import com.eplly.deploy.service.RepoLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code deploy/bin/spark-cluster}: a Spark standalone cluster on this machine (start, stop,
 * status), jobs submitted to it with spark-submit, and the local-vs-cluster check.
 */
public final class SparkClusterCli {

  private static final String USAGE = String.join(System.lineSeparator(),
      "usage: spark-cluster start [--workers 2] [--cores 1] [--memory 2g]   master + workers on random ports",
      "       spark-cluster status                                         master URL, UI, alive workers",
      "       spark-cluster submit <reco command and flags>               spark-submit reco to the cluster",
      "       spark-cluster check [--views 20000] [--seed 7] [--evaluate N] local mode vs cluster: same lists?",
      "       spark-cluster stop",
      "State, logs and work folders live in var/spark-cluster (override with SPARK_CLUSTER_DIR).");

  private final RepoLayout repo;
  private final Path dir;
  private final PrintStream out;

  SparkClusterCli(RepoLayout repo, Path dir, PrintStream out) {
    this.repo = repo;
    this.dir = dir.toAbsolutePath().normalize();
    this.out = out;
  }

  public static void main(String[] args) {
    Path root = Path.of(System.getProperty("eplly.repo.root", "."));
    String dir = System.getenv().getOrDefault("SPARK_CLUSTER_DIR", root.resolve("var/spark-cluster").toString());
    int exit;
    try {
      exit = new SparkClusterCli(new RepoLayout(root), Path.of(dir), System.out).run(args);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("error: " + e.getMessage());
      exit = 2;
    } catch (StepFailedException e) {
      System.err.println("error: " + e.getMessage());
      exit = 1;
    }
    System.exit(exit);
  }

  int run(String[] args) {
    if (args.length == 0) {
      out.println(USAGE);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    return switch (args[0]) {
      case "start" -> start(rest);
      case "stop" -> stop();
      case "status" -> status();
      case "submit" -> submit(rest);
      case "check" -> check(rest);
      default -> {
        out.println(USAGE);
        yield args[0].equals("--help") ? 0 : 2;
      }
    };
  }

  private int start(List<String> args) {
    if (state().isPresent()) {
      throw new IllegalStateException("a cluster is already running (" + state().get().getProperty("master")
          + "); spark-cluster stop first");
    }
    repo.requireRecommenderBuilt();
    ClusterSettings settings = new ClusterSettings(intOption(args, "--workers", 2), intOption(args, "--cores", 1),
        option(args, "--memory", "2g"), dir);
    // Not closed: the daemons outlive this command until spark-cluster stop.
    SparkStandalone cluster = SparkStandalone.start(repo, settings);
    Properties p = new Properties();
    p.setProperty("master", cluster.masterUrl());
    p.setProperty("webUi", cluster.webUi().toString());
    p.setProperty("pids", String.join(",", cluster.pids().stream().map(String::valueOf).toList()));
    try (var w = Files.newBufferedWriter(stateFile())) {
      p.store(w, "spark-cluster start");
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException(e);
    }
    out.println("master  " + cluster.masterUrl());
    out.println("web UI  " + cluster.webUi());
    out.println("workers " + settings.workers() + " x " + settings.coresPerWorker() + " core(s), " + settings.workerMemory());
    out.println("logs    " + dir.resolve("logs"));
    return 0;
  }

  private int stop() {
    var state = state();
    if (state.isEmpty()) {
      out.println("no cluster running");
      return 0;
    }
    List<ProcessHandle> handles = new ArrayList<>();
    for (String pid : state.get().getProperty("pids").split(",")) {
      ProcessHandle.of(Long.parseLong(pid)).ifPresent(handles::add);
    }
    // Workers first (they stop their executors), then the master.
    for (int i = handles.size() - 1; i >= 0; i--) {
      ProcessHandle h = handles.get(i);
      List<ProcessHandle> children = h.descendants().toList();
      h.destroy();
      h.onExit().orTimeout(15, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
        h.destroyForcibly();
        return h;
      }).join();
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
    try {
      Files.deleteIfExists(stateFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("stopped " + handles.size() + " Spark processes");
    return 0;
  }

  private int status() {
    var state = state();
    if (state.isEmpty()) {
      out.println("no cluster running");
      return 1;
    }
    int alive = SparkStandalone.aliveWorkers(URI.create(state.get().getProperty("webUi")));
    out.println("master  " + state.get().getProperty("master"));
    out.println("web UI  " + state.get().getProperty("webUi"));
    out.println("alive workers " + (alive < 0 ? "? (master not answering)" : alive));
    return alive > 0 ? 0 : 1;
  }

  private int submit(List<String> recoArgs) {
    String master = requireRunning();
    List<String> command = new RecommenderCli(repo, "redis://unused").submit(master, recoArgs);
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      return p.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private int check(List<String> args) {
    String master = requireRunning();
    Path work;
    try {
      work = Files.createTempDirectory(dir, "check-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ClusterCheck check = new ClusterCheck(repo, master, work, Duration.ofMinutes(30));
    List<ClusterCheck.Result> results = new ArrayList<>();
    results.add(check.train(intOption(args, "--views", 20_000), intOption(args, "--seed", 7), out));
    int evaluate = intOption(args, "--evaluate", 0);
    if (evaluate > 0) {
      results.add(check.evaluate(evaluate, intOption(args, "--seed", 7), out));
    }
    out.println();
    out.printf("%-9s %10s %12s  %s%n", "JOB", "LOCAL s", "CLUSTER s", "OUTPUT");
    boolean same = true;
    for (ClusterCheck.Result r : results) {
      out.printf(java.util.Locale.ROOT, "%-9s %10.1f %12.1f  %s%n", r.job(), r.localSeconds(), r.clusterSeconds(),
          r.same() ? "identical" : "DIFFERENT: " + String.join("; ", r.differences()));
      same &= r.same();
    }
    out.println("work folder " + work);
    return same ? 0 : 1;
  }

  private String requireRunning() {
    return state().map(p -> p.getProperty("master"))
        .orElseThrow(() -> new IllegalStateException("no cluster running; run spark-cluster start first"));
  }

  private java.util.Optional<Properties> state() {
    if (!Files.exists(stateFile())) {
      return java.util.Optional.empty();
    }
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(stateFile())) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean masterAlive = ProcessHandle.of(Long.parseLong(p.getProperty("pids").split(",")[0]))
        .map(ProcessHandle::isAlive).orElse(false);
    return masterAlive ? java.util.Optional.of(p) : java.util.Optional.empty();
  }

  private Path stateFile() {
    return dir.resolve("cluster.properties");
  }

  private static String option(List<String> args, String name, String dflt) {
    int i = args.indexOf(name);
    if (i < 0) {
      return dflt;
    }
    if (i + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args.get(i + 1);
  }

  private static int intOption(List<String> args, String name, int dflt) {
    String v = option(args, name, String.valueOf(dflt));
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got " + v);
    }
  }
}
