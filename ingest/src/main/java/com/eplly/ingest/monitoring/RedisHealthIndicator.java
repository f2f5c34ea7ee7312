package com.eplly.ingest.monitoring;

import com.eplly.ingest.config.IngestProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/** Health of the Redis the live state and catalog are written to (actuator {@code redis}). */
@Component("redis")
public class RedisHealthIndicator extends AbstractHealthIndicator {

  private final UnifiedJedis redis;
  private final String address;

  public RedisHealthIndicator(UnifiedJedis redis, IngestProperties properties) {
    super("Redis is unreachable");
    this.redis = redis;
    this.address = properties.redis().display();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("address", address);
    if ("PONG".equals(redis.ping())) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
