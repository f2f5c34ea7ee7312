package com.eplly.recommender.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedisEndpointTest {

  @Test
  void acceptsSingleServerAndClusterUris() {
    assertEquals("redis://localhost:6380", new RedisEndpoint("redis://user:secret@localhost:6380").display());
    assertEquals("redis-cluster://10.0.0.1:7000,10.0.0.2:7001",
        new RedisEndpoint("redis-cluster://10.0.0.1:7000,10.0.0.2:7001").display());
  }

  @Test
  void rejectsClusterNodesWithoutAPort() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RedisEndpoint("redis-cluster://10.0.0.1:7000,10.0.0.2"));
    assertTrue(e.getMessage().contains("'10.0.0.2'"), e.getMessage());
  }

  @Test
  void rejectsOtherSchemes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RedisEndpoint("http://localhost:6379"));
    assertTrue(e.getMessage().contains("redis-cluster://"), e.getMessage());
  }

  @Test
  void neverShowsAPassword() {
    RedisEndpoint inUri = new RedisEndpoint("redis://user:s3cret@localhost:6380/2");
    assertEquals("user", inUri.settings().username());
    assertEquals("s3cret", inUri.settings().password());
    assertEquals(2, inUri.settings().database());
    RedisEndpoint fromEnv = RedisEndpoint.of("localhost", 6379).withPassword("env-s3cret");
    assertEquals("env-s3cret", fromEnv.settings().password());
    for (Object shown : new Object[] {inUri, inUri.display(), inUri.settings(), fromEnv, fromEnv.settings()}) {
      assertTrue(!shown.toString().contains("s3cret"), shown.toString());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RedisEndpoint("http://user:s3cret@localhost:6379"));
    assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void redissMeansTls() {
    assertTrue(new RedisEndpoint("rediss://redis.example:6380").settings().ssl());
  }
}
