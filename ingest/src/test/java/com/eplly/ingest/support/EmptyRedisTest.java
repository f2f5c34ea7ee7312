package com.eplly.ingest.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** Base for tests that use the embedded redis-server without Spring: each test gets a client to an emptied server. */
@ExtendWith(EmbeddedRedisExtension.class)
public abstract class EmptyRedisTest {

  protected UnifiedJedis redis;

  @BeforeEach
  void connectToEmptyRedis() {
    redis = RedisClient.create("127.0.0.1", EmbeddedRedisExtension.port());
    redis.flushAll();
  }

  @AfterEach
  void closeRedis() {
    redis.close();
  }
}
