package com.eplly.ingest.config;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.redis.RedisClients;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
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

  /** One server or a cluster, with AUTH and TLS as configured (see {@link RedisClients}). */
  @Bean(destroyMethod = "close")
  UnifiedJedis redisClient(IngestProperties properties) {
    return RedisClients.open(properties.redis());
  }

  @Bean
  DeadLetterPublisher deadLetterPublisher(KafkaTemplate<String, byte[]> template, IngestProperties properties) {
    return new DeadLetterPublisher(template, properties.ingest().kafka().dlqSendTimeout());
  }
}
