package com.eplly.contracts.redis;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * How to reach Redis: the one settings type of the api and ingest (bound from {@code eplly.redis.*},
 * env {@code EPLLY_REDIS_*}) and of the recommender CLI, built into clients by {@link RedisClients}.
 * Serializable so Spark executors can open their own connections. {@link #toString()} never shows
 * the password. An unset field takes the default given below (applied here, so that a Spring
 * binding and a caller of the constructor get the same).
 *
 * @param host               server host ({@code host}); default {@code localhost}; ignored when
 *                           {@code clusterNodes} is set
 * @param port               server port ({@code port}); default 6379
 * @param clusterNodes       {@code host:port} seeds of a Redis Cluster ({@code cluster-nodes}, env
 *                           {@code EPLLY_REDIS_CLUSTER_NODES}); when set, host and port are ignored and a
 *                           caller's keys are pipelined per node. Empty (default): the one server
 * @param database           logical database ({@code database}, single server only); default 0
 * @param username           ACL user ({@code username}, env {@code EPLLY_REDIS_USERNAME}); null or blank
 *                           = the default user
 * @param password           AUTH password ({@code password}, env {@code EPLLY_REDIS_PASSWORD}); null or
 *                           blank = no AUTH
 * @param ssl                connect over TLS ({@code ssl}, env {@code EPLLY_REDIS_SSL}); the server's
 *                           certificate must name the host (or cluster node) connected to
 * @param truststore         CA certificates to trust for TLS ({@code truststore}, env
 *                           {@code EPLLY_REDIS_TRUSTSTORE}): a PEM file ({@code .pem}, {@code .crt},
 *                           {@code .cer}) or a PKCS12/JKS keystore; null or blank = the JVM's default
 *                           trust (the server's name is always verified against its certificate)
 * @param truststorePassword password of a keystore truststore ({@code truststore-password}, env
 *                           {@code EPLLY_REDIS_TRUSTSTORE_PASSWORD}); null for PEM
 * @param timeout            connect and socket timeout ({@code timeout}); default 2 s (Jedis's). The api
 *                           sets 100 ms: a slow Redis must turn into a degraded answer, never a hanging
 *                           request; for ingest a stalled Redis fails the batch, which is retried
 * @param clientName         shown by {@code CLIENT LIST} ({@code client-name}); null = none
 * @param poolSize           most pooled connections, per node on a cluster ({@code pool-size}); a request
 *                           of the api borrows one per round trip. 0 (default): Jedis's pool and cluster
 *                           retries. Set, a caller never waits on Redis much beyond {@code timeout}: an
 *                           exhausted pool waits at most that long, and a cluster command gets one retry
 *                           (a redirect after a failover) within it
 */
public record RedisSettings(
    String host,
    int port,
    List<String> clusterNodes,
    int database,
    String username,
    String password,
    boolean ssl,
    String truststore,
    String truststorePassword,
    Duration timeout,
    String clientName,
    int poolSize) implements Serializable {

  /** {@code host} when unset. */
  private static final String DEFAULT_HOST = "localhost";
  /** {@code port} when unset (0). */
  private static final int DEFAULT_PORT = 6379;
  /** {@code timeout} when unset: Jedis's own default. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  public RedisSettings {
    host = host == null ? DEFAULT_HOST : host;
    port = port == 0 ? DEFAULT_PORT : port;
    clusterNodes = clusterNodes == null ? List.of() : List.copyOf(clusterNodes);
    username = blankToNull(username);
    password = blankToNull(password);
    truststore = blankToNull(truststore);
    truststorePassword = blankToNull(truststorePassword);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    clientName = blankToNull(clientName);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("redis timeout must be positive, got " + timeout);
    }
    if (poolSize < 0) {
      throw new IllegalArgumentException("redis pool-size must be >= 0 (0 = Jedis's default), got " + poolSize);
    }
  }

  /** A plain connection (no AUTH, no TLS) to one server. */
  public static RedisSettings of(String host, int port, Duration timeout) {
    return new RedisSettings(host, port, List.of(), 0, null, null, false, null, null, timeout, null, 0);
  }

  /** The same settings with another password (null = none). */
  public RedisSettings withPassword(String newPassword) {
    return new RedisSettings(host, port, clusterNodes, database, username, newPassword, ssl, truststore,
        truststorePassword, timeout, clientName, poolSize);
  }

  /** Where it connects, without credentials, for messages and logs. */
  public String display() {
    String scheme = ssl ? "rediss" : "redis";
    String where = clusterNodes.isEmpty() ? host + ":" + port : "cluster " + String.join(",", clusterNodes);
    return scheme + "://" + (username == null ? "" : username + "@") + where + (password == null ? "" : " (with password)");
  }

  @Override
  public String toString() {
    return "RedisSettings[" + display() + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
