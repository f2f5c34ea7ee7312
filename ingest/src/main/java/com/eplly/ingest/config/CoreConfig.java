package com.eplly.ingest.config;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

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
  RedisClient redisClient(IngestProperties properties) {
    IngestProperties.Redis redis = properties.redis();
    int timeout = (int) redis.timeout().toMillis();
    return RedisClient.builder()
        .hostAndPort(new HostAndPort(redis.host(), redis.port()))
        .clientConfig(DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout)
            .clientName("eplly-ingest")
            .build())
        .build();
  }

  @Bean
  DeadLetterPublisher deadLetterPublisher(KafkaTemplate<String, byte[]> template, IngestProperties properties) {
    return new DeadLetterPublisher(template, properties.ingest().kafka().dlqSendTimeout());
  }
}
