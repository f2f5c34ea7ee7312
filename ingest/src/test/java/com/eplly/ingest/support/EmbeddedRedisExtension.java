package com.eplly.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * Runs a real redis-server on a random free port for one test class. Declare it before
 * {@code @SpringBootTest} so it starts before and stops after the Spring context.
 */
public final class EmbeddedRedisExtension implements BeforeAllCallback, AfterAllCallback {

  private static int port;
  private static RedisServer server;

  /** The port of the running server (valid after beforeAll). */
  public static int port() {
    return port;
  }

  /** Stops the server, e.g. to simulate an outage. */
  public static synchronized void stop() throws IOException {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Starts an empty server on the same port again. */
  public static synchronized void restart() throws IOException {
    stop();
    server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
        .setting("appendonly no").build();
    server.start();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    restart();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    stop();
  }
}
