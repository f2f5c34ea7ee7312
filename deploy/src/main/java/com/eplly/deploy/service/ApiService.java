package com.eplly.deploy.service;

import java.net.URI;
import java.util.List;

/**
 * The api process's command line.
 *
 * @param bootstrapServers Kafka (the api publishes page views)
 * @param redisPort        Redis on localhost (unused with a cluster)
 * @param redisCluster     {@code host:port} seeds of a Redis Cluster, or empty for the single Redis
 * @param httpPort         HTTP port of the api, demo page and its {@code /livez} and {@code /readyz}
 * @param managementPort   actuator (metrics, health details); 0 = a random free one
 */
public record ApiService(String bootstrapServers, int redisPort, List<String> redisCluster, int httpPort,
    int managementPort) {

  /**
   * Extra arguments for a load or fault run that posts every event from this one address: the
   * api's per-client and per-reader rate limits would answer it with 429 (the limits have their
   * own tests in the api).
   */
  public static final List<String> UNLIMITED_INTAKE = List.of("--eplly.events.rate-limit.enabled=false");

  /** Against one Redis server, actuator on a random port. */
  public ApiService(String bootstrapServers, int redisPort, int httpPort) {
    this(bootstrapServers, redisPort, List.of(), httpPort, 0);
  }

  /** Actuator on a random port. */
  public ApiService(String bootstrapServers, int redisPort, List<String> redisCluster, int httpPort) {
    this(bootstrapServers, redisPort, redisCluster, httpPort, 0);
  }

  public List<String> command(RepoLayout repo) {
    // ParallelGC, not SerialGC: measured with bench-api --gc, SerialGC cost 0.6-1.8 ms at p99 and
    // 2.4-5.2 ms at p99.9 (docs/serving.md)
    return JavaCommand.jar(List.of("-Xmx512m", "-XX:+UseParallelGC"), repo.apiJar(), List.of(
        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
        "--eplly.redis.host=localhost",
        "--eplly.redis.port=" + redisPort,
        "--eplly.redis.cluster-nodes=" + String.join(",", redisCluster),
        "--server.port=" + httpPort,
        // the demo page is same-origin anyway; these let a page served by the api's own host post
        // whichever of the two names the browser used
        "--eplly.widget.allowed-origins=http://localhost:" + httpPort + ",http://127.0.0.1:" + httpPort,
        "--management.server.port=" + managementPort));
  }

  public URI base() {
    return URI.create("http://localhost:" + httpPort + "/");
  }

  /** Prometheus metrics on the management port, or null when the api picks that port itself. */
  public URI metrics() {
    return managementPort == 0 ? null : URI.create("http://localhost:" + managementPort + "/actuator/prometheus");
  }

  /** Readiness on the public port (status only; details are on the management port). */
  public URI health() {
    return base().resolve("readyz");
  }
}
