package com.eplly.bench.fresh;

import com.eplly.bench.ingest.BenchStack;
import com.eplly.deploy.process.Await;
import com.eplly.deploy.process.ChildProcess;
import com.eplly.deploy.process.HttpProbe;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.service.ApiService;
import com.eplly.deploy.service.RepoLayout;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The packaged api jar as a child process of the benchmark, on a free port, against the stack's Kafka and Redis. */
public final class ApiProcess implements AutoCloseable {

  /** How long the api may take to become healthy: generous, for a machine shared with other builds. */
  private static final Duration START = Duration.ofSeconds(600);

  private final ChildProcess child;
  private final ApiService service;

  private ApiProcess(ChildProcess child, ApiService service) {
    this.child = child;
    this.service = service;
  }

  /** Starts the api and waits until its health endpoint answers 200. */
  public static ApiProcess start(BenchStack stack) {
    return start(new ApiService(stack.broker().bootstrapServers(), stack.redis().port(), Ports.free()), stack.repo(), stack.work(),
        stack.logs());
  }

  /** As {@link #start(BenchStack)}, for any stack (e.g. the cluster test's). */
  public static ApiProcess start(ApiService service, RepoLayout repo, Path work, Path logs) {
    if (!Files.isRegularFile(repo.apiJar())) {
      throw new IllegalStateException("not built yet: " + repo.apiJar() + " - run `mvn -B -DskipTests -pl api package`");
    }
    ChildProcess child = ChildProcess.start("api", service.command(repo), work, logs.resolve("api.log"));
    ApiProcess p = new ApiProcess(child, service);
    HttpProbe probe = new HttpProbe();
    try {
      Await.until("api health", START, child, () -> probe.isOk(service.health()));
    } catch (RuntimeException e) {
      child.close();
      throw e;
    }
    return p;
  }

  public URI base() {
    return service.base();
  }

  public ChildProcess child() {
    return child;
  }

  @Override
  public void close() {
    child.close();
  }
}
