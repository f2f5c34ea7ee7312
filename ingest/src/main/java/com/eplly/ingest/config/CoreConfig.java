package com.eplly.ingest.config;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/** The shared building blocks: clock, codec, Redis client and dead-letter publisher. */
@Configuration(proxyBeanMethods = false)
public class CoreConfig {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  EventCodec eventCodec(Clock clock) {
    return new EventCodec(clock);
  }

  @Bean(destroyMethod = "close")
  UnifiedJedis redisClient(IngestProperties properties) {
    IngestProperties.Redis redis = properties.redis();
    int timeout = (int) redis.timeout().toMillis();
    JedisClientConfig client = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeout)
        .socketTimeoutMillis(timeout)
        .clientName("eplly-ingest")
        .build();
    if (!redis.clusterNodes().isEmpty()) {
      Set<HostAndPort> seeds = new LinkedHashSet<>();
      redis.clusterNodes().forEach(node -> seeds.add(HostAndPort.from(node)));
      return RedisClusterClient.builder().nodes(seeds).clientConfig(client).build();
    }
    return RedisClient.builder()
        .hostAndPort(new HostAndPort(redis.host(), redis.port()))
        .clientConfig(client)
        .build();
  }

  @Bean
  DeadLetterPublisher deadLetterPublisher(KafkaTemplate<String, byte[]> template, IngestProperties properties) {
    return new DeadLetterPublisher(template, properties.ingest().kafka().dlqSendTimeout());
  }
}
