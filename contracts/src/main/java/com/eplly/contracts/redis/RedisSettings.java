package com.eplly.contracts.redis;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * How to reach Redis, the same for the api, ingest and the recommender CLI (built by
 * {@link RedisClients}). Serializable so Spark executors can open their own connections.
 * {@link #toString()} never shows the password.
 *
 * @param host               server host (ignored when {@code clusterNodes} is set)
 * @param port               server port
 * @param clusterNodes       {@code host:port} seeds of a Redis Cluster; empty = the one server
 * @param database           logical database (single server only)
 * @param username           ACL user; null or blank = the default user
 * @param password           AUTH password; null or blank = no AUTH
 * @param ssl                connect over TLS
 * @param truststore         CA certificates to trust for TLS: a PEM file ({@code .pem}, {@code .crt},
 *                           {@code .cer}) or a PKCS12/JKS keystore; null or blank = the JVM's default
 *                           trust (the server's name is always verified against its certificate)
 * @param truststorePassword password of a keystore truststore; null for PEM
 * @param timeout            connect and socket timeout
 * @param clientName         shown by {@code CLIENT LIST}; null = none
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
    String clientName) implements Serializable {

  public RedisSettings {
    clusterNodes = clusterNodes == null ? List.of() : List.copyOf(clusterNodes);
    username = blankToNull(username);
    password = blankToNull(password);
    truststore = blankToNull(truststore);
    truststorePassword = blankToNull(truststorePassword);
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("redis timeout must be positive, got " + timeout);
    }
  }

  /** A plain connection (no AUTH, no TLS) to one server. */
  public static RedisSettings of(String host, int port, Duration timeout) {
    return new RedisSettings(host, port, List.of(), 0, null, null, false, null, null, timeout, null);
  }

  /** The same settings with another password (null = none). */
  public RedisSettings withPassword(String newPassword) {
    return new RedisSettings(host, port, clusterNodes, database, username, newPassword, ssl, truststore,
        truststorePassword, timeout, clientName);
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
