package com.eplly.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * One real redis-server per test JVM on a random free port, shared by every test class that runs
 * on the shared Spring context (so the context, and its embedded Kafka, start once).
 */
public final class SharedRedis {

  private static final int PORT = freePort();
  private static RedisServer server;

  private SharedRedis() {}

  /** Starts the server on first use; stopped when the JVM ends. */
  public static synchronized int port() {
    if (server == null) {
      try {
        server = new RedisServer(PORT);
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      RedisServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.stop();
        } catch (IOException ignored) {
          // the JVM is ending anyway
        }
      }));
    }
    return PORT;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
