package com.eplly.deploy.service;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The ingest process's command line.
 *
 * @param bootstrapServers Kafka
 * @param redisPort        Redis on localhost (unused with a cluster)
 * @param redisCluster     {@code host:port} seeds of a Redis Cluster, or empty for the single Redis
 * @param lakePath         lake root folder
 * @param httpPort         actuator (management) port; ingest serves nothing else over HTTP, so its main port is random
 */
public record IngestService(String bootstrapServers, int redisPort, List<String> redisCluster, Path lakePath, int httpPort) {

  /** Against one Redis server. */
  public IngestService(String bootstrapServers, int redisPort, Path lakePath, int httpPort) {
    this(bootstrapServers, redisPort, List.of(), lakePath, httpPort);
  }

  public List<String> command(RepoLayout repo) {
    return JavaCommand.jar(List.of("-Xmx1g", "-XX:+UseParallelGC"), repo.ingestJar(), List.of(
        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
        "--eplly.redis.host=localhost",
        "--eplly.redis.port=" + redisPort,
        "--eplly.redis.cluster-nodes=" + String.join(",", redisCluster),
        "--eplly.ingest.lake-path=" + lakePath.toAbsolutePath(),
        "--server.port=0",
        "--management.server.port=" + httpPort));
  }

  /** The actuator's root on the management port. */
  public URI actuator() {
    return URI.create("http://localhost:" + httpPort + "/actuator/");
  }

  public URI health() {
    return actuator().resolve("health");
  }

  public URI metrics() {
    return actuator().resolve("prometheus");
  }
}
