package com.eplly.recommender.publish;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import redis.clients.jedis.RedisClient;

/**
 * Where Redis is, as a {@code redis://[user:password@]host:port[/db]} URI ({@code rediss://} for
 * TLS). Serializable so Spark executors can open their own connections from it.
 */
public record RedisEndpoint(String uri) implements Serializable {

  public RedisEndpoint {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("redis URI is malformed: " + e.getMessage());
    }
    if (!("redis".equals(parsed.getScheme()) || "rediss".equals(parsed.getScheme())) || parsed.getHost() == null) {
      throw new IllegalArgumentException("redis URI must look like redis://host:port, got '" + uri + "'");
    }
  }

  public static RedisEndpoint of(String host, int port) {
    return new RedisEndpoint("redis://" + host + ":" + port);
  }

  /** A pooled client; the caller closes it. */
  public RedisClient open() {
    return RedisClient.create(URI.create(uri));
  }

  /** The URI without credentials, for messages. */
  public String display() {
    URI parsed = URI.create(uri);
    return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
  }
}
