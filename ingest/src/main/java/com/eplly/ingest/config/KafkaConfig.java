package com.eplly.ingest.config;

import com.eplly.ingest.lake.LakeRebalanceListener;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.live.LiveStateWriter;
import com.eplly.ingest.monitoring.BatchFailureListener;
import com.eplly.ingest.monitoring.IngestMetrics;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring on top of Boot's factories (which keep {@code spring.kafka.*}, connection details
 * and client metrics): raw bytes in and out, batch listeners, offsets committed per finished
 * batch, and failed batches redelivered with back-off, forever, never skipped.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

  /** Consumer settings the ingest logic relies on; not left to chance in properties files. */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer ingestConsumerSettings(IngestProperties properties) {
    IngestProperties.Kafka kafka = properties.ingest().kafka();
    return factory -> factory.updateConfigs(Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, kafka.groupId(),
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, kafka.maxPollRecords(),
        ConsumerConfig.FETCH_MIN_BYTES_CONFIG, (int) kafka.fetchMinBytes().toBytes(),
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) kafka.fetchMaxWait().toMillis(),
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, (int) kafka.maxPartitionFetchBytes().toBytes(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        // bytes cannot fail to deserialize, so bad payloads reach the listener and its DLQ logic
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
  }

  /** The dead-letter producer forwards original bytes and waits for all in-sync replicas. */
  @Bean
  DefaultKafkaProducerFactoryCustomizer ingestProducerSettings() {
    return factory -> factory.updateConfigs(Map.of(
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }

  @Bean
  DefaultErrorHandler batchErrorHandler(IngestProperties properties, IngestMetrics metrics) {
    IngestProperties.Retry retry = properties.ingest().retry();
    ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    // With infinite back-off the recoverer is reached only for exceptions classified as not
    // retryable; there are none (below), and should it run anyway it refuses to skip, so the batch
    // is sought back and redelivered instead of being lost.
    DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
      throw new IllegalStateException("refusing to skip " + record.topic() + "-" + record.partition()
          + "@" + record.offset() + "; it will be redelivered", e);
    }, backOff);
    // Every failure is retried: a stalled partition (visible in logs and metrics) beats a lost event.
    handler.setClassifications(Map.of(), true);
    handler.setRetryListeners(new BatchFailureListener(metrics));
    return handler;
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
      ConsumerFactory<String, byte[]> consumerFactory, DefaultErrorHandler batchErrorHandler, LakeWriter lake,
      LiveStateWriter live) {
    ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(consumerFactory);
    factory.setBatchListener(true);
    factory.setCommonErrorHandler(batchErrorHandler);
    ContainerProperties container = factory.getContainerProperties();
    container.setAckMode(ContainerProperties.AckMode.BATCH);
    container.setConsumerRebalanceListener(new LakeRebalanceListener(lake, live::forgetSessionHeads));
    return factory;
  }
}
