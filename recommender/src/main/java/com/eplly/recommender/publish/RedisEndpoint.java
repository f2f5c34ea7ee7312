package com.eplly.recommender.publish;

import com.eplly.contracts.redis.RedisClients;
import com.eplly.contracts.redis.RedisSettings;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where Redis is, as a {@code redis://[user[:password]@]host:port[/db]} URI ({@code rediss://} for
 * TLS, trusting the JVM's truststore, e.g. {@code -Djavax.net.ssl.trustStore}), or
 * {@code redis-cluster://host:port,host:port,...} naming seed nodes of a Redis Cluster, plus a
 * password given apart from the URI (environment or file), which a password in the URI overrides.
 * Serializable so Spark executors can open their own connections from it; {@link #toString()} and
 * {@link #display()} never show a password.
 */
public record RedisEndpoint(String uri, String password) implements Serializable {

  private static final String CLUSTER_SCHEME = "redis-cluster://";
  /** Socket timeout of the CLI's and the executors' connections (Jedis's default). */
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  public RedisEndpoint {
    password = password == null || password.isEmpty() ? null : password;
    if (uri.startsWith(CLUSTER_SCHEME)) {
      clusterNodes(uri);
    } else {
      URI parsed;
      try {
        parsed = new URI(uri);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("redis URI '" + redacted(uri) + "' is malformed");
      }
      if (!("redis".equals(parsed.getScheme()) || "rediss".equals(parsed.getScheme())) || parsed.getHost() == null) {
        throw new IllegalArgumentException("redis URI must look like redis://host:port or "
            + CLUSTER_SCHEME + "host:port,host:port, got '" + redacted(uri) + "'");
      }
      database(parsed);
    }
  }

  /** Without a separate password (none, or in the URI). */
  public RedisEndpoint(String uri) {
    this(uri, null);
  }

  public static RedisEndpoint of(String host, int port) {
    return new RedisEndpoint("redis://" + host + ":" + port);
  }

  /** The same place with a password from outside the URI (null: none). */
  public RedisEndpoint withPassword(String newPassword) {
    return new RedisEndpoint(uri, newPassword);
  }

  /** The client settings this endpoint means (see {@link RedisClients}). */
  public RedisSettings settings() {
    if (uri.startsWith(CLUSTER_SCHEME)) {
      return new RedisSettings("", 0, clusterNodes(uri), 0, null, password, false, null, null, TIMEOUT, "eplly-reco", 0);
    }
    URI parsed = URI.create(uri);
    String user = null;
    String secret = password;
    String info = parsed.getUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = colon < 0 ? info : info.substring(0, colon);
      if (colon >= 0) {
        secret = info.substring(colon + 1);
      }
    }
    return new RedisSettings(parsed.getHost(), parsed.getPort() < 0 ? 6379 : parsed.getPort(), List.of(),
        database(parsed), user, secret, "rediss".equals(parsed.getScheme()), null, null, TIMEOUT, "eplly-reco", 0);
  }

  /** A pooled client (a cluster client for {@code redis-cluster://}); the caller closes it. */
  public UnifiedJedis open() {
    return RedisClients.open(settings());
  }

  /** The URI without credentials, for messages. */
  public String display() {
    if (uri.startsWith(CLUSTER_SCHEME)) {
      return uri;
    }
    URI parsed = URI.create(uri);
    return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
  }

  @Override
  public String toString() {
    return "RedisEndpoint[" + display() + (password == null ? "" : ", with password") + "]";
  }

  private static int database(URI parsed) {
    String path = parsed.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      return Integer.parseInt(path.substring(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("redis URI path must be a database number like /0, got '" + path + "'");
    }
  }

  /** The URI with anything between {@code //} and {@code @} hidden, for error messages. */
  private static String redacted(String uri) {
    int start = uri.indexOf("//");
    int at = uri.lastIndexOf('@');
    return start >= 0 && at > start ? uri.substring(0, start + 2) + "***@" + uri.substring(at + 1) : uri;
  }

  private static List<String> clusterNodes(String uri) {
    String[] nodes = uri.substring(CLUSTER_SCHEME.length()).split(",");
    for (String node : nodes) {
      try {
        HostAndPort.from(node.strip());
      } catch (RuntimeException e) { // Jedis reports a missing colon as an index error
        throw new IllegalArgumentException("redis cluster node '" + node + "' in '" + uri + "' must look like host:port");
      }
    }
    return List.of(nodes).stream().map(String::strip).toList();
  }
}
