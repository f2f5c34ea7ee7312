package com.eplly.api.config;

import com.eplly.contracts.redis.RedisClients;
import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.UnifiedJedis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the shared, pooled Redis client (one server or a cluster, with AUTH and TLS as
 * configured; see {@link RedisClients}) with bounded timeouts.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfig {

  @Bean(destroyMethod = "close")
  UnifiedJedis redisClient(EpllyProperties properties) {
    EpllyProperties.Redis redis = properties.redis();
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(redis.poolSize());
    pool.setMaxIdle(redis.poolSize());
    // An exhausted pool must not park a request thread longer than a slow Redis would.
    pool.setMaxWait(Duration.ofMillis(redis.timeout().toMillis()));
    pool.setBlockWhenExhausted(true);
    pool.setTestWhileIdle(false);
    // On a cluster: room for one redirect after a failover, but never beyond the timeout: a slow answer degrades instead.
    return RedisClients.open(redis.settings(), pool, 2, redis.timeout());
  }
}
