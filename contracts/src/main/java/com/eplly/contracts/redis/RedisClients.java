package com.eplly.contracts.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.builders.ClusterClientBuilder;

/**
 * Builds Redis clients from {@link RedisSettings}: the one place that sets up AUTH, TLS and
 * timeouts, used by the api, ingest and the recommender CLI.
 */
public final class RedisClients {

  private RedisClients() {}

  /**
   * A pooled client (a cluster client when {@code clusterNodes} is set); the caller closes it.
   * Without a {@link RedisSettings#poolSize() pool size}, Jedis's default pool and cluster retries;
   * with one, waits bounded by the timeout (see {@link RedisSettings}).
   */
  public static UnifiedJedis open(RedisSettings settings) {
    JedisClientConfig client = clientConfig(settings);
    ConnectionPoolConfig pool = settings.poolSize() > 0 ? boundedPool(settings) : null;
    if (!settings.clusterNodes().isEmpty()) {
      Set<HostAndPort> seeds = new LinkedHashSet<>();
      for (String node : settings.clusterNodes()) {
        seeds.add(hostAndPort(node));
      }
      ClusterClientBuilder<RedisClusterClient> builder = RedisClusterClient.builder().nodes(seeds);
      builder.clientConfig(client);
      if (pool != null) {
        // room for one redirect after a failover, but never beyond the timeout: a slow answer fails instead
        builder.poolConfig(pool);
        builder.maxAttempts(2);
        builder.maxTotalRetriesDuration(settings.timeout());
      }
      return builder.build();
    }
    RedisClient.Builder builder = RedisClient.builder();
    builder.hostAndPort(new HostAndPort(settings.host(), settings.port())).clientConfig(client);
    if (pool != null) {
      builder.poolConfig(pool);
    }
    return builder.build();
  }

  /** {@code poolSize} connections; an exhausted pool parks a caller no longer than a slow Redis would. */
  private static ConnectionPoolConfig boundedPool(RedisSettings settings) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(settings.poolSize());
    pool.setMaxIdle(settings.poolSize());
    pool.setMaxWait(settings.timeout());
    pool.setBlockWhenExhausted(true);
    pool.setTestWhileIdle(false);
    return pool;
  }

  /** Timeouts, credentials and TLS of every connection. */
  public static JedisClientConfig clientConfig(RedisSettings settings) {
    int timeoutMs = Math.toIntExact(settings.timeout().toMillis());
    DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeoutMs)
        .socketTimeoutMillis(timeoutMs)
        .user(settings.username())
        .password(settings.password())
        .clientName(settings.clientName());
    if (settings.clusterNodes().isEmpty()) {
      b.database(settings.database());
    }
    if (settings.ssl()) {
      SSLParameters verifyName = new SSLParameters();
      // Without it Java checks the chain but not that the certificate names this host.
      verifyName.setEndpointIdentificationAlgorithm("HTTPS");
      b.ssl(true).sslParameters(verifyName);
      if (settings.truststore() != null) {
        b.sslSocketFactory(trusting(settings.truststore(), settings.truststorePassword()));
      }
    }
    return b.build();
  }

  /** A TLS socket factory trusting only the CA certificates in a PEM file or keystore. */
  static SSLSocketFactory trusting(String truststore, String password) {
    Path path = Path.of(truststore);
    try {
      KeyStore trusted;
      String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
        trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(path)) {
          Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
          if (certs.isEmpty()) {
            throw new IllegalArgumentException("redis truststore " + truststore + " holds no PEM certificate");
          }
          int i = 0;
          for (Certificate cert : certs) {
            trusted.setCertificateEntry("ca-" + i++, cert);
          }
        }
      } else {
        trusted = KeyStore.getInstance(path.toFile(), password == null ? null : password.toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read redis truststore " + truststore + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("redis truststore " + truststore + " is not usable: " + e.getMessage(), e);
    }
  }

  private static HostAndPort hostAndPort(String node) {
    try {
      return HostAndPort.from(node.strip());
    } catch (RuntimeException e) { // Jedis reports a missing colon as an index error
      throw new IllegalArgumentException("redis cluster node '" + node + "' must look like host:port");
    }
  }
}
