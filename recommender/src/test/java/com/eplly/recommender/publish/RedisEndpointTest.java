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
}
