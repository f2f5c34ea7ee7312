package com.eplly.deploy.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** One of the project's services (api, ingest) running as a child process: readiness, metrics, stop and SIGKILL. */
public final class ServiceProcess implements AutoCloseable {

  /** Exit status of a JVM ended by SIGKILL (128 + 9), as {@link Process#exitValue} reports it. */
  public static final int SIGKILL_EXIT = 137;

  private final ChildProcess child;
  private final URI ready;
  private final URI base;
  private final URI metrics;

  /**
   * @param ready   answers 200 once the service is ready
   * @param base    the service's public HTTP root (for ingest, which serves no API, its actuator's)
   * @param metrics its Prometheus scrape endpoint, or null when the port is chosen by the service itself
   */
  ServiceProcess(ChildProcess child, URI ready, URI base, URI metrics) {
    this.child = child;
    this.ready = ready;
    this.base = base;
    this.metrics = metrics;
  }

  /** Waits until the service answers its readiness check; stops it and rethrows when it does not within {@code timeout}. */
  public ServiceProcess awaitReady(Duration timeout) {
    HttpProbe probe = new HttpProbe();
    try {
      Await.until(child.name() + " to report UP at " + ready, timeout, child, () -> probe.isOk(ready));
    } catch (RuntimeException e) {
      child.close();
      throw e;
    }
    return this;
  }

  public String name() {
    return child.name();
  }

  public ChildProcess child() {
    return child;
  }

  public Path log() {
    return child.log();
  }

  public boolean isAlive() {
    return child.isAlive();
  }

  public URI base() {
    return base;
  }

  /**
   * Ends the process with SIGKILL: {@code ProcessHandle.destroyForcibly} sends SIGKILL on Linux,
   * which the JVM cannot catch, so no shutdown hook or finally block runs.
   *
   * @return the exit status ({@link #SIGKILL_EXIT} when it really died of SIGKILL)
   */
  public int killHard() {
    ProcessHandle handle = ProcessHandle.of(child.pid()).orElseThrow(() -> new IllegalStateException(name() + " already gone"));
    handle.destroyForcibly();
    return child.awaitExit(Duration.ofSeconds(30));
  }

  /** Sum over all tags of a Prometheus counter (e.g. {@code eplly_ingest_records_accepted_total}); -1 when unreachable. */
  public double counter(String name) {
    if (metrics == null) {
      throw new IllegalStateException(name() + " was started without a known management port");
    }
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
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
