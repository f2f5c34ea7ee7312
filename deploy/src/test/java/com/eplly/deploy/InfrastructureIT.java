package com.eplly.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.Topics;
import com.eplly.deploy.kafka.BrokerSettings;
import com.eplly.deploy.kafka.KafkaBroker;
import com.eplly.deploy.kafka.TopicLayout;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.redis.LocalRedis;
import com.eplly.deploy.redis.RedisServerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/** The in-JVM broker and the redis-server start on random ports, with the topics and limits the stack needs. */
@Tag("slow")
class InfrastructureIT {

  @Test
  void brokerStartsCreatesTheTopicsAndRestartsOnTheSameFolder(@TempDir Path dir) throws Exception {
    int[] ports = Ports.distinct(2);
    BrokerSettings settings = new BrokerSettings("localhost", ports[0], ports[1], dir.resolve("kafka"));
    try (KafkaBroker broker = KafkaBroker.start(settings)) {
      assertEquals(Set.of(Topics.PAGE_VIEWS, Topics.PAGE_VIEWS_DLQ, Topics.IMPRESSIONS,
          Topics.IMPRESSIONS_DLQ, Topics.ARTICLES, Topics.ARTICLES_DLQ, Topics.ERASURES, Topics.AUDIT,
          Topics.AUDIT_DLQ),
          Set.copyOf(broker.createTopics(new TopicLayout(3))));
      try (Admin admin = broker.admin()) {
        Map<String, TopicDescription> topics = admin.describeTopics(Set.of(Topics.PAGE_VIEWS, Topics.ARTICLES))
            .allTopicNames().get(30, TimeUnit.SECONDS);
        assertEquals(3, topics.get(Topics.PAGE_VIEWS).partitions().size());
        for (String compacted : List.of(Topics.ARTICLES, Topics.ERASURES)) {
          ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, compacted);
          String policy = admin.describeConfigs(Set.of(topic)).all().get(30, TimeUnit.SECONDS)
              .get(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
          assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, policy, compacted);
        }
      }
    }
    // A second start reuses the formatted folder and keeps the topics.
    try (KafkaBroker broker = KafkaBroker.start(settings)) {
      assertTrue(broker.createTopics(new TopicLayout(3)).isEmpty());
    }
  }

  @Test
  void redisRunsWithTheMemoryCapAndStops(@TempDir Path dir) {
    int port = Ports.free();
    try (LocalRedis redis = LocalRedis.start(new RedisServerSettings(port, "64mb", dir))) {
      assertFalse(Ports.isFree(port));
      try (RedisClient client = RedisClient.create("localhost", redis.port())) {
        assertEquals(String.valueOf(64L * 1024 * 1024), client.configGet("maxmemory").get("maxmemory"));
        assertEquals("volatile-lru", client.configGet("maxmemory-policy").get("maxmemory-policy"));
        client.setex("probe", 10, "x");
        assertEquals("x", client.get("probe"));
      }
    }
    assertTrue(Ports.isFree(port));
  }
}
