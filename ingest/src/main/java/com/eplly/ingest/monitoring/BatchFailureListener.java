package com.eplly.ingest.monitoring;

import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/** Counts and logs (one line, no stack trace) each failed delivery the error handler will retry. */
public final class BatchFailureListener implements RetryListener {

  private static final Logger log = LoggerFactory.getLogger(BatchFailureListener.class);

  private final IngestMetrics metrics;

  public BatchFailureListener(IngestMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
    metrics.batchFailed(record.topic());
    log.warn("Record {}-{}@{} failed (attempt {}), will retry: {}", record.topic(), record.partition(),
        record.offset(), deliveryAttempt, rootMessage(ex));
  }

  @Override
  public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
    records.partitions().stream().map(tp -> tp.topic()).distinct().forEach(metrics::batchFailed);
    log.warn("Batch of {} record(s) from {} failed (attempt {}), will retry: {}", records.count(),
        records.partitions().stream().map(Object::toString).sorted().collect(Collectors.joining(",")),
        deliveryAttempt, rootMessage(ex));
  }

  private static String rootMessage(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
