package com.eplly.recommender;

import com.eplly.recommender.publish.RedisEndpoint;
import java.io.IOException;
import java.net.ServerSocket;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

/** A real redis-server on a free loopback port, with an endpoint and a client to it. */
public final class EmbeddedRedis implements AutoCloseable {

  private final RedisServer server;
  private final RedisEndpoint endpoint;
  private final UnifiedJedis client;

  private EmbeddedRedis(RedisServer server, RedisEndpoint endpoint, UnifiedJedis client) {
    this.server = server;
    this.endpoint = endpoint;
    this.client = client;
  }

  public static EmbeddedRedis start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RedisServer server = new RedisServer(port);
    server.start();
    RedisEndpoint endpoint = RedisEndpoint.of("localhost", port);
    return new EmbeddedRedis(server, endpoint, endpoint.open());
  }

  public RedisEndpoint endpoint() {
    return endpoint;
  }

  public UnifiedJedis client() {
    return client;
  }

  @Override
  public void close() throws IOException {
    client.close();
    server.stop();
  }
}
