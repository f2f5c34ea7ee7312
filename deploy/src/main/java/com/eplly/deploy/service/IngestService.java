package com.eplly.deploy.service;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The ingest process's command line.
 *
 * @param bootstrapServers Kafka
 * @param redisPort        Redis on localhost
 * @param lakePath         lake root folder
 * @param httpPort         actuator port
 */
public record IngestService(String bootstrapServers, int redisPort, Path lakePath, int httpPort) {

  public List<String> command(RepoLayout repo) {
    return JavaCommand.jar(List.of("-Xmx1g", "-XX:+UseParallelGC"), repo.ingestJar(), List.of(
        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
        "--eplly.redis.host=localhost",
        "--eplly.redis.port=" + redisPort,
        "--eplly.ingest.lake-path=" + lakePath.toAbsolutePath(),
        "--server.port=" + httpPort));
  }

  public URI health() {
    return URI.create("http://localhost:" + httpPort + "/actuator/health");
  }
}
