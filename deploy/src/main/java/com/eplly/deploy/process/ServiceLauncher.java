package com.eplly.deploy.process;

import com.eplly.deploy.service.ApiService;
import com.eplly.deploy.service.IngestService;
import com.eplly.deploy.service.RepoLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place the project's packaged services (api, ingest) are started, for the local stack,
 * the cluster runs, the benchmarks, the fault runs and the end-to-end test: the command line from
 * {@link ApiService} / {@link IngestService} plus the caller's settings, one log per process under
 * {@code logs}. Kafka, Redis and Spark are started by {@code kafka}, {@code redis} and {@code spark}.
 */
public final class ServiceLauncher {

  private final RepoLayout repo;
  private final Path workDir;
  private final Path logs;

  /**
   * @param workDir the processes' working directory
   * @param logs    folder of their logs, one {@code <name>.log} each
   */
  public ServiceLauncher(RepoLayout repo, Path workDir, Path logs) {
    this.repo = repo;
    this.workDir = workDir;
    this.logs = logs;
  }

  /** Starts the api (log {@code api.log}); {@code extraArgs} come after, and so override, the service's own. */
  public ServiceProcess api(ApiService service, List<String> extraArgs) {
    return api(service, extraArgs, Map.of());
  }

  /** As {@link #api(ApiService, List)}, with {@code env} added (secrets: never on the command line, which ps shows). */
  public ServiceProcess api(ApiService service, List<String> extraArgs, Map<String, String> env) {
    repo.requireBuilt(List.of(repo.apiJar()));
    ChildProcess child = start("api", service.command(repo), extraArgs, env);
    return new ServiceProcess(child, service.health(), service.base(), service.metrics());
  }

  /** Starts an ingest instance named {@code name} (log {@code <name>.log}). */
  public ServiceProcess ingest(IngestService service, String name, List<String> extraArgs) {
    repo.requireBuilt(List.of(repo.ingestJar()));
    ChildProcess child = start(name, service.command(repo), extraArgs, Map.of());
    return new ServiceProcess(child, service.health(), service.actuator(), service.metrics());
  }

  private ChildProcess start(String name, List<String> command, List<String> extraArgs, Map<String, String> env) {
    List<String> full = new ArrayList<>(command);
    full.addAll(extraArgs);
    return ChildProcess.start(name, full, workDir, logs.resolve(name + ".log"), env);
  }
}
