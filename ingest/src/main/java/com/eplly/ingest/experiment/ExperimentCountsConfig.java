package com.eplly.ingest.experiment;

import com.eplly.ingest.config.IngestProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import redis.clients.jedis.UnifiedJedis;

/**
 * The experiment counter's container: batches acknowledged after they are counted, and retried
 * (with ingest's backoff, without end) while Redis fails, which the counts' NX markers make safe.
 */
@Configuration(proxyBeanMethods = false)
class ExperimentCountsConfig {

  static final String FACTORY = "experimentCountsContainerFactory";

  @Bean
  ExperimentAttribution experimentAttribution(UnifiedJedis redis) {
    return new ExperimentAttribution(redis);
  }

  @Bean(FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, byte[]> experimentCountsContainerFactory(
      ConsumerFactory<String, byte[]> consumerFactory, IngestProperties properties) {
    ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(consumerFactory);
    factory.setBatchListener(true);
    ContainerProperties container = factory.getContainerProperties();
    container.setAckMode(ContainerProperties.AckMode.BATCH);
    IngestProperties.Retry retry = properties.ingest().retry();
    ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
    return factory;
  }
}
