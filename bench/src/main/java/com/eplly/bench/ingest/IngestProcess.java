package com.eplly.bench.ingest;

import com.eplly.deploy.process.Await;
import com.eplly.deploy.process.ChildProcess;
import com.eplly.deploy.process.HttpProbe;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.service.IngestService;
import com.eplly.deploy.service.RepoLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged ingest jar as a child process of a benchmark: started with the stack's addresses
 * plus benchmark settings, killed with SIGKILL on demand, and asked for its Prometheus counters.
 */
public final class IngestProcess implements AutoCloseable {

  /** Exit status of a JVM ended by SIGKILL (128 + 9), as {@link Process#exitValue} reports it. */
  public static final int SIGKILL_EXIT = 137;

  // Generous: several JVMs starting at once on a busy machine take minutes, and this is only an upper bound.
  private static final Duration START = Duration.ofSeconds(600);

  private final ChildProcess child;
  private final IngestService service;

  private IngestProcess(ChildProcess child, IngestService service) {
    this.child = child;
    this.service = service;
  }

  /**
   * Starts ingest and waits until its health endpoint answers 200.
   *
   * @param name       log file name (without .log) and process name
   * @param groupId    consumer group; a fresh one reads the topics from the start
   * @param extraArgs  further {@code --key=value} settings
   */
  public static IngestProcess start(BenchStack stack, String name, String groupId, List<String> extraArgs) {
    IngestService service = new IngestService(stack.broker().bootstrapServers(), stack.redis().port(), stack.lake(), Ports.free());
    return start(service, stack.repo(), stack.work(), stack.logs(), name, groupId, extraArgs);
  }

  /** As {@link #start(BenchStack, String, String, List)}, for any stack (e.g. the cluster test's). */
  public static IngestProcess start(IngestService service, RepoLayout repo, Path work, Path logs, String name, String groupId,
      List<String> extraArgs) {
    List<String> command = new ArrayList<>(service.command(repo));
    command.add("--eplly.ingest.kafka.group-id=" + groupId);
    command.add("--eplly.ingest.summary-interval=5s");
    // A SIGKILLed member stays in the group until its session times out; keep that wait short.
    command.add("--spring.kafka.consumer.properties.session.timeout.ms=6000");
    command.add("--spring.kafka.consumer.properties.heartbeat.interval.ms=1500");
    command.addAll(extraArgs);
    ChildProcess child = ChildProcess.start(name, command, work, logs.resolve(name + ".log"));
    IngestProcess p = new IngestProcess(child, service);
    HttpProbe probe = new HttpProbe();
    try {
      Await.until(name + " health", START, child, () -> probe.isOk(service.health()));
    } catch (RuntimeException e) {
      child.close();
      throw e;
    }
    return p;
  }

  public ChildProcess child() {
    return child;
  }

  public Path log() {
    return child.log();
  }

  /**
   * Ends the process with SIGKILL: {@code ProcessHandle.destroyForcibly} sends SIGKILL on Linux,
   * which the JVM cannot catch, so no shutdown hook or finally block runs.
   *
   * @return the exit status (137 when it really died of SIGKILL)
   */
  public int killHard() {
    ProcessHandle handle = ProcessHandle.of(child.pid()).orElseThrow(() -> new IllegalStateException("ingest already gone"));
    handle.destroyForcibly();
    return child.awaitExit(Duration.ofSeconds(30));
  }

  /** Sum over all tags of a Prometheus counter (e.g. {@code eplly_ingest_records_accepted_total}); -1 when unreachable. */
  public double counter(String name) {
    URI uri = URI.create(service.health().toString().replace("/health", "/prometheus"));
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      double sum = 0;
      for (String line : r.body().split("\n")) {
        if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return sum;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() {
    child.close();
  }
}
