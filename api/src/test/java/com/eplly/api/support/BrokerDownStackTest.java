package com.eplly.api.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the fault tests that share one running api whose Kafka is unreachable (a closed loopback
 * port). Redis is the shared real server. Small pools (12 Tomcat threads, 4 intake slots) make
 * exhaustion observable with few connections.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "eplly.events.rate-limit.enabled=false",
      "eplly.events.max-concurrent=4",
      "eplly.events.read-timeout=1s",
      "server.tomcat.threads.max=12",
      "eplly.events.warm-up=0s", // Kafka is unreachable on purpose: no point waiting for it at start
      "eplly.admin.api-key=" + BrokerDownStackTest.ADMIN_KEY,
      // an admin action waits this long for its audit record's metadata before it is given up
      "eplly.admin.audit.ack-timeout=500ms"
    })
public abstract class BrokerDownStackTest extends RunningApiTest {

  protected static final String ADMIN_KEY = "test-admin-key";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    int closed = SharedRedis.freePort();
    registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closed);
    registry.add("eplly.redis.port", SharedRedis::port);
  }

  @BeforeEach
  void seed() {
    redis.flushDB();
    Fixture.seed(redis);
    activeVersion.refresh();
  }
}
