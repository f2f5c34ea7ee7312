package com.eplly.api.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the shared, pooled Redis client (one server or a cluster) with bounded timeouts. */
@Configuration(proxyBeanMethods = false)
public class RedisConfig {

  @Bean(destroyMethod = "close")
  UnifiedJedis redisClient(EpllyProperties properties) {
    EpllyProperties.Redis redis = properties.redis();
    int timeoutMs = Math.toIntExact(redis.timeout().toMillis());
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(redis.poolSize());
    pool.setMaxIdle(redis.poolSize());
    // An exhausted pool must not park a request thread longer than a slow Redis would.
    pool.setMaxWait(Duration.ofMillis(timeoutMs));
    pool.setBlockWhenExhausted(true);
    pool.setTestWhileIdle(false);
    JedisClientConfig client = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeoutMs)
        .socketTimeoutMillis(timeoutMs)
        .build();
    if (!redis.clusterNodes().isEmpty()) {
      Set<HostAndPort> seeds = new LinkedHashSet<>();
      redis.clusterNodes().forEach(node -> seeds.add(HostAndPort.from(node)));
      // Room for one redirect after a failover, but never beyond the timeout: a slow answer degrades instead.
      return RedisClusterClient.builder()
          .nodes(seeds)
          .clientConfig(client)
          .poolConfig(pool)
          .maxAttempts(2)
          .maxTotalRetriesDuration(redis.timeout())
          .build();
    }
    return RedisClient.builder()
        .hostAndPort(redis.host(), redis.port())
        .clientConfig(client)
        .poolConfig(pool)
        .build();
  }
}
