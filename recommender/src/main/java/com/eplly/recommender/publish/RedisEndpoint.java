package com.eplly.recommender.publish;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where Redis is, as a {@code redis://[user:password@]host:port[/db]} URI ({@code rediss://} for
 * TLS), or {@code redis-cluster://host:port,host:port,...} naming seed nodes of a Redis Cluster.
 * Serializable so Spark executors can open their own connections from it.
 */
public record RedisEndpoint(String uri) implements Serializable {

  private static final String CLUSTER_SCHEME = "redis-cluster://";

  public RedisEndpoint {
    if (uri.startsWith(CLUSTER_SCHEME)) {
      clusterNodes(uri);
    } else {
      URI parsed;
      try {
        parsed = new URI(uri);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("redis URI is malformed: " + e.getMessage());
      }
      if (!("redis".equals(parsed.getScheme()) || "rediss".equals(parsed.getScheme())) || parsed.getHost() == null) {
        throw new IllegalArgumentException("redis URI must look like redis://host:port or "
            + CLUSTER_SCHEME + "host:port,host:port, got '" + uri + "'");
      }
    }
  }

  public static RedisEndpoint of(String host, int port) {
    return new RedisEndpoint("redis://" + host + ":" + port);
  }

  /** A pooled client (a cluster client for {@code redis-cluster://}); the caller closes it. */
  public UnifiedJedis open() {
    if (uri.startsWith(CLUSTER_SCHEME)) {
      return RedisClusterClient.create(clusterNodes(uri));
    }
    return RedisClient.create(URI.create(uri));
  }

  /** The URI without credentials, for messages. */
  public String display() {
    if (uri.startsWith(CLUSTER_SCHEME)) {
      return uri;
    }
    URI parsed = URI.create(uri);
    return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
  }

  private static Set<HostAndPort> clusterNodes(String uri) {
    Set<HostAndPort> nodes = new LinkedHashSet<>();
    for (String node : uri.substring(CLUSTER_SCHEME.length()).split(",")) {
      try {
        nodes.add(HostAndPort.from(node.strip()));
      } catch (RuntimeException e) { // Jedis reports a missing colon as an index error
        throw new IllegalArgumentException("redis cluster node '" + node + "' in '" + uri + "' must look like host:port");
      }
    }
    return nodes;
  }
}
