package com.eplly.api.config;

import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the shared, pooled Redis client with bounded timeouts. */
@Configuration(proxyBeanMethods = false)
public class RedisConfig {

  @Bean(destroyMethod = "close")
  RedisClient redisClient(EpllyProperties properties) {
    EpllyProperties.Redis redis = properties.redis();
    int timeoutMs = Math.toIntExact(redis.timeout().toMillis());
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(redis.poolSize());
    pool.setMaxIdle(redis.poolSize());
    // An exhausted pool must not park a request thread longer than a slow Redis would.
    pool.setMaxWait(Duration.ofMillis(timeoutMs));
    pool.setBlockWhenExhausted(true);
    pool.setTestWhileIdle(false);
    return RedisClient.builder()
        .hostAndPort(redis.host(), redis.port())
        .clientConfig(DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeoutMs)
            .socketTimeoutMillis(timeoutMs)
            .build())
        .poolConfig(pool)
        .build();
  }
}
