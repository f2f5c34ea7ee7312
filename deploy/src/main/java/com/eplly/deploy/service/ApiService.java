package com.eplly.deploy.service;

import java.net.URI;
import java.util.List;

/**
 * The api process's command line.
 *
 * @param bootstrapServers Kafka (the api publishes page views)
 * @param redisPort        Redis on localhost
 * @param httpPort         HTTP port of the api, demo page and actuator
 */
public record ApiService(String bootstrapServers, int redisPort, int httpPort) {

  public List<String> command(RepoLayout repo) {
    return JavaCommand.jar(List.of("-Xmx512m", "-XX:+UseSerialGC"), repo.apiJar(), List.of(
        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
        "--eplly.redis.host=localhost",
        "--eplly.redis.port=" + redisPort,
        "--server.port=" + httpPort));
  }

  public URI base() {
    return URI.create("http://localhost:" + httpPort + "/");
  }

  public URI health() {
    return base().resolve("actuator/health");
  }
}
