package com.eplly.api.config;

import com.eplly.contracts.redis.RedisClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * The shared, pooled Redis client of {@code eplly.redis.*}: one server or a cluster, with AUTH and
 * TLS as configured, and waits bounded by the timeout since the pool is sized (see
 * {@link com.eplly.contracts.redis.RedisSettings}).
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfig {

  @Bean(destroyMethod = "close")
  UnifiedJedis redisClient(EpllyProperties properties) {
    return RedisClients.open(properties.redis());
  }
}
