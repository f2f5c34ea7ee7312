package com.eplly.deploy.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/** A real redis-server process (the binary shipped in embedded-redis), started and stopped by this JVM. */
public final class LocalRedis implements AutoCloseable {

  private final RedisServerSettings settings;
  private final RedisServer server;

  private LocalRedis(RedisServerSettings settings, RedisServer server) {
    this.settings = settings;
    this.server = server;
  }

  /** Starts the server and returns once it accepts connections. */
  public static LocalRedis start(RedisServerSettings settings) {
    try {
      Files.createDirectories(settings.dataDir());
      RedisServerBuilder builder = RedisServer.newRedisServer().port(settings.port());
      for (String line : settings.configLines()) {
        builder.setting(line);
      }
      RedisServer server = builder.build();
      server.start();
      return new LocalRedis(settings, server);
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server did not start on port " + settings.port() + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return settings.port();
  }

  /** The URI form the recommender CLI takes. */
  public String uri() {
    return "redis://localhost:" + settings.port();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server did not stop cleanly", e);
    }
  }
}
