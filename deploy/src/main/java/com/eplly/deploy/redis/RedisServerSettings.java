package com.eplly.deploy.redis;

import java.nio.file.Path;
import java.util.List;

/**
 * How the local redis-server runs.
 *
 * @param port      TCP port
 * @param maxMemory memory cap in Redis syntax (e.g. {@code 256mb}); beyond it keys with a TTL are evicted
 * @param dataDir   working folder of the server (nothing is persisted: snapshots are off)
 */
public record RedisServerSettings(int port, String maxMemory, Path dataDir) {

  /** Enough for the demo catalog, several model versions and live state. */
  public static final String DEFAULT_MAX_MEMORY = "256mb";

  /** redis.conf lines. volatile-lru: under pressure only keys with a TTL go, never the active-version pointer. */
  public List<String> configLines() {
    return List.of(
        "maxmemory " + maxMemory,
        "maxmemory-policy volatile-lru",
        "save \"\"",
        "appendonly no",
        "dir " + dataDir.toAbsolutePath());
  }
}
