package com.eplly.deploy.spark;

import com.eplly.deploy.process.Await;
import com.eplly.deploy.process.ChildProcess;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.service.JavaCommand;
import com.eplly.deploy.service.RepoLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone master and its workers, started as child JVMs from the recommender's own
 * Spark jars ({@code recommender/target/lib}) on random ports; no Spark distribution needed.
 */
public final class SparkStandalone implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  private final String masterUrl;
  private final URI webUi;
  private final List<ChildProcess> processes;

  private SparkStandalone(String masterUrl, URI webUi, List<ChildProcess> processes) {
    this.masterUrl = masterUrl;
    this.webUi = webUi;
    this.processes = processes;
  }

  /** Starts the master, then the workers, and returns once every worker has registered. */
  public static SparkStandalone start(RepoLayout repo, ClusterSettings settings) {
    Map<String, String> env = environment(repo, settings.dir());
    int[] free = Ports.distinct(2);
    int masterPort = free[0];
    int uiPort = free[1];
    String masterUrl = "spark://" + HOST + ":" + masterPort;
    URI webUi = URI.create("http://" + HOST + ":" + uiPort);
    List<ChildProcess> started = new ArrayList<>();
    try {
      ChildProcess master = ChildProcess.start("spark-master", daemon(repo, "org.apache.spark.deploy.master.Master",
              List.of("--host", HOST, "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(uiPort))),
          settings.dir(), settings.dir().resolve("logs/master.log"), env);
      started.add(master);
      for (int i = 1; i <= settings.workers(); i++) {
        Path work = settings.dir().resolve("worker-" + i);
        Files.createDirectories(work);
        started.add(ChildProcess.start("spark-worker-" + i, daemon(repo, "org.apache.spark.deploy.worker.Worker",
                List.of("--host", HOST, "--cores", String.valueOf(settings.coresPerWorker()),
                    "--memory", settings.workerMemory(), "--webui-port", "0", "--work-dir", work.toString(), masterUrl)),
            settings.dir(), settings.dir().resolve("logs/worker-" + i + ".log"), env));
      }
      SparkStandalone cluster = new SparkStandalone(masterUrl, webUi, started);
      Await.until(settings.workers() + " Spark workers to register with " + masterUrl, START_TIMEOUT, master,
          () -> cluster.aliveWorkers() == settings.workers());
      return cluster;
    } catch (IOException | RuntimeException e) {
      started.forEach(ChildProcess::close);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** {@code spark://host:port}, for {@code spark-submit --master}. */
  public String masterUrl() {
    return masterUrl;
  }

  /** The master's web UI. */
  public URI webUi() {
    return webUi;
  }

  /** The process ids of the master and workers (the executors are the workers' children). */
  public List<Long> pids() {
    return processes.stream().map(ChildProcess::pid).toList();
  }

  /** Workers the master counts as alive; -1 when the master does not answer. */
  public int aliveWorkers() {
    return aliveWorkers(webUi);
  }

  /** As {@link #aliveWorkers()}, for a cluster started by another process. */
  public static int aliveWorkers(URI webUi) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(webUi.resolve("/json/")).timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = ALIVE_WORKERS.matcher(r.body());
      return r.statusCode() == 200 && m.find() ? Integer.parseInt(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Stops the workers (which stop their executors) before the master. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }

  private static List<String> daemon(RepoLayout repo, String mainClass, List<String> args) {
    List<String> flags = new ArrayList<>(JavaCommand.sparkFlags());
    flags.add("-Xmx512m");
    // The REST submission server would take the fixed port 6066; spark-submit talks RPC anyway.
    flags.add("-Dspark.master.rest.enabled=false");
    return JavaCommand.main(flags, List.of(repo.recommenderLib().resolve("*").toString()), mainClass, args);
  }

  /**
   * A worker launches executors with {@code $SPARK_HOME/jars/*} on their class path: a Spark home
   * whose {@code jars} is a link to the recommender's dependency folder makes that the same jars.
   */
  private static Map<String, String> environment(RepoLayout repo, Path dir) {
    Path home = dir.resolve("spark-home");
    Path jars = home.resolve("jars");
    try {
      Files.createDirectories(home);
      Files.deleteIfExists(jars);
      Files.createSymbolicLink(jars, repo.recommenderLib());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + home + ": " + e.getMessage(), e);
    }
    return Map.of(
        "SPARK_HOME", home.toString(),
        "SPARK_SCALA_VERSION", "2.13",
        // Bind every daemon, executor and UI to loopback instead of the host's first interface.
        "SPARK_LOCAL_IP", HOST);
  }
}
