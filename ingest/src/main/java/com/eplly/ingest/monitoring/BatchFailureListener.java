package com.eplly.ingest.monitoring;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * Counts and logs (one line, no stack trace) each failed delivery, and keeps {@link PartitionStalls}
 * told: a failure starts or extends a partition's streak, a recovery ends it.
 */
public final class BatchFailureListener implements RetryListener {

  private static final Logger log = LoggerFactory.getLogger(BatchFailureListener.class);

  private final IngestMetrics metrics;
  private final PartitionStalls stalls;

  public BatchFailureListener(IngestMetrics metrics, PartitionStalls stalls) {
    this.metrics = metrics;
    this.stalls = stalls;
  }

  @Override
  public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
    metrics.batchFailed(record.topic());
    stalls.failed(List.of(partition(record)), rootMessage(ex));
    log.warn("Record {}-{}@{} failed (attempt {}): {}", record.topic(), record.partition(),
        record.offset(), deliveryAttempt, rootMessage(ex));
  }

  @Override
  public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
    records.partitions().stream().map(TopicPartition::topic).distinct().forEach(metrics::batchFailed);
    stalls.failed(records.partitions(), rootMessage(ex));
    log.warn("Batch of {} record(s) from {} failed (attempt {}): {}", records.count(),
        records.partitions().stream().map(Object::toString).sorted().collect(Collectors.joining(",")),
        deliveryAttempt, rootMessage(ex));
  }

  @Override
  public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
    stalls.progressed(List.of(partition(record)));
  }

  @Override
  public void recovered(ConsumerRecords<?, ?> records, Exception ex) {
    stalls.progressed(records.partitions());
  }

  private static TopicPartition partition(ConsumerRecord<?, ?> record) {
    return new TopicPartition(record.topic(), record.partition());
  }

  private static String rootMessage(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getClass().getSimpleName() + ": " + t.getMessage();
    return message.length() > 300 ? message.substring(0, 300) : message;
  }
}
