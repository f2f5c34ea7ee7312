package com.eplly.ingest.deadletter;

import com.eplly.contracts.Topics;
import com.eplly.ingest.monitoring.IngestMetrics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * The error handler's recoverer: dead-letters a record the listener failed on permanently (one named
 * by a {@link BatchListenerFailedException}), with the failure as its reason. It refuses to recover
 * records no failure was pinned on (a whole batch), throwing so the batch is sought back and
 * redelivered rather than dead-lettered wholesale.
 */
public final class DeadLetterRecoverer implements ConsumerRecordRecoverer {

  /** Prefix of the reason header of a record that made the listener fail (see {@code RejectionKind}). */
  public static final String REASON_PREFIX = "processing failed: ";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);
  private static final Map<String, String> DLQ_OF_TOPIC =
      Map.of(Topics.PAGE_VIEWS, Topics.PAGE_VIEWS_DLQ, Topics.IMPRESSIONS, Topics.IMPRESSIONS_DLQ,
          Topics.ARTICLES, Topics.ARTICLES_DLQ, Topics.AUDIT, Topics.AUDIT_DLQ);

  private final DeadLetterPublisher publisher;
  private final IngestMetrics metrics;

  public DeadLetterRecoverer(DeadLetterPublisher publisher, IngestMetrics metrics) {
    this.publisher = publisher;
    this.metrics = metrics;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void accept(ConsumerRecord<?, ?> record, Exception failure) {
    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
    if (!pinnedOnARecord(failure)) {
      throw new IllegalStateException("refusing to dead-letter " + where + " for a failure of its whole batch; "
          + "it will be redelivered", failure);
    }
    String dlq = DLQ_OF_TOPIC.get(record.topic());
    if (dlq == null) {
      throw new IllegalStateException("no dead-letter topic for " + where, failure);
    }
    String reason = REASON_PREFIX + firstLine(rootMessage(failure));
    publisher.publish(dlq, List.of(new Rejected((ConsumerRecord<String, byte[]>) record, reason)));
    metrics.rejected(record.topic(), reason);
    log.error("Dead-lettered {} to {}: {}", where, dlq, reason);
  }

  private static boolean pinnedOnARecord(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BatchListenerFailedException b && b.getRecord() != null) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}
