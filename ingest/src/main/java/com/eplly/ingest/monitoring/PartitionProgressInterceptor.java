package com.eplly.ingest.monitoring;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Tells {@link PartitionStalls} which partitions a successful batch moved on; the container calls
 * it after every successful delivery, including a retry inside the error handler, where the retry
 * listener hears nothing.
 */
public final class PartitionProgressInterceptor<K, V> implements BatchInterceptor<K, V> {

  private final PartitionStalls stalls;

  public PartitionProgressInterceptor(PartitionStalls stalls) {
    this.stalls = stalls;
  }

  @Override
  public ConsumerRecords<K, V> intercept(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
    return records;
  }

  @Override
  public void success(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
    stalls.progressed(records.partitions());
  }
}
