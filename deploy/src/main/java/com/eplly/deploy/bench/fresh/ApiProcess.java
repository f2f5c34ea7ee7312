package com.eplly.deploy.bench.fresh;

import com.eplly.deploy.bench.ingest.BenchStack;
import com.eplly.deploy.process.Await;
import com.eplly.deploy.process.ChildProcess;
import com.eplly.deploy.process.HttpProbe;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.service.ApiService;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;

/** The packaged api jar as a child process of the benchmark, on a free port, against the stack's Kafka and Redis. */
public final class ApiProcess implements AutoCloseable {

  /** How long the api may take to become healthy: generous, for a machine shared with other builds. */
  private static final Duration START = Duration.ofSeconds(300);

  private final ChildProcess child;
  private final ApiService service;

  private ApiProcess(ChildProcess child, ApiService service) {
    this.child = child;
    this.service = service;
  }

  /** Starts the api and waits until its health endpoint answers 200. */
  public static ApiProcess start(BenchStack stack) {
    if (!Files.isRegularFile(stack.repo().apiJar())) {
      throw new IllegalStateException("not built yet: " + stack.repo().apiJar() + " - run `mvn -B -DskipTests -pl api package`");
    }
    ApiService service = new ApiService(stack.broker().bootstrapServers(), stack.redis().port(), Ports.free());
    ChildProcess child = ChildProcess.start("api", service.command(stack.repo()), stack.work(), stack.logs().resolve("api.log"));
    ApiProcess p = new ApiProcess(child, service);
    HttpProbe probe = new HttpProbe();
    try {
      Await.until("api health", START, child, () -> probe.isOk(service.health()));
    } catch (RuntimeException e) {
      p.close(); // nobody else holds it yet: an api that never became healthy must not outlive the benchmark
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
