package com.eplly.ingest.config;

import com.eplly.ingest.lake.LakeRebalanceListener;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.live.LiveStateWriter;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import com.eplly.ingest.deadletter.DeadLetterRecoverer;
import com.eplly.ingest.monitoring.BatchFailureListener;
import com.eplly.ingest.monitoring.ConsumerLagMetrics;
import com.eplly.ingest.monitoring.IngestMetrics;
import com.eplly.ingest.monitoring.PartitionProgressInterceptor;
import com.eplly.ingest.monitoring.PartitionStalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring on top of Boot's factories (which keep {@code spring.kafka.*}, connection details
 * and client metrics, including per-partition consumer lag): raw bytes in and out, batch listeners,
 * offsets committed per finished batch; transiently failed batches redelivered with back-off,
 * forever, never skipped; a record that fails permanently dead-lettered (see {@link IngestErrorHandler}).
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
  DefaultErrorHandler batchErrorHandler(IngestProperties properties, IngestMetrics metrics, PartitionStalls stalls,
      DeadLetterPublisher deadLetters) {
    IngestProperties.Retry retry = properties.ingest().retry();
    ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    // Transient failures are retried forever (the back-off never ends); permanent ones are pinned on
    // a record, which the recoverer dead-letters (see IngestErrorHandler).
    IngestErrorHandler handler = new IngestErrorHandler(new DeadLetterRecoverer(deadLetters, metrics), backOff);
    handler.setRetryListeners(new BatchFailureListener(metrics, stalls));
    // redelivery after a pinned record is routine, not an error; the retry listener logs each failure
    handler.setLogLevel(KafkaException.Level.WARN);
    return handler;
  }

  @Bean(destroyMethod = "close")
  ConsumerLagMetrics<String, byte[]> consumerLagMetrics(MeterRegistry registry) {
    return new ConsumerLagMetrics<>(registry);
  }

  /** The lake and live-state listeners' factory; the experiment counter has its own (ExperimentCountsConfig). */
  @Bean
  @Primary
  ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
      ConsumerFactory<String, byte[]> consumerFactory, DefaultErrorHandler batchErrorHandler, LakeWriter lake,
      LiveStateWriter live, PartitionStalls stalls, ConsumerLagMetrics<String, byte[]> lagMetrics) {
    if (consumerFactory instanceof DefaultKafkaConsumerFactory<String, byte[]> factory) {
      // Boot's listener looks for new (per-partition) client metrics once a minute; ours every 10 s.
      // Swapped here, after every customizer ran, so that exactly one binds each consumer.
      factory.getListeners().stream().filter(MicrometerConsumerListener.class::isInstance).toList()
          .forEach(factory::removeListener);
      factory.addListener(lagMetrics);
    }
    ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(consumerFactory);
    factory.setBatchListener(true);
    factory.setCommonErrorHandler(batchErrorHandler);
    factory.setBatchInterceptor(new PartitionProgressInterceptor<>(stalls));
    ContainerProperties container = factory.getContainerProperties();
    container.setAckMode(ContainerProperties.AckMode.BATCH);
    LakeRebalanceListener lakeOwners = new LakeRebalanceListener(lake, live::forgetSessionHeads);
    container.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
      @Override
      public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        lakeOwners.onPartitionsAssigned(consumer, partitions);
      }

      @Override
      public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        lakeOwners.onPartitionsRevokedBeforeCommit(consumer, partitions);
      }

      @Override
      public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        stalls.forget(partitions);
      }

      @Override
      public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        lakeOwners.onPartitionsLost(consumer, partitions);
        stalls.forget(partitions);
      }
    });
    return factory;
  }
}
