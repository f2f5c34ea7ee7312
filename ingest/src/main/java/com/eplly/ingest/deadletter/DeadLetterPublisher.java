package com.eplly.ingest.deadletter;

import com.eplly.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends rejected records to a dead-letter topic with their original key and bytes plus a reason
 * header, and returns only once the broker confirmed all of them, so that committing the batch's
 * offsets can never lose a rejected record.
 */
public final class DeadLetterPublisher {

  private final KafkaTemplate<String, byte[]> template;
  private final Duration timeout;

  public DeadLetterPublisher(KafkaTemplate<String, byte[]> template, Duration timeout) {
    this.template = template;
    this.timeout = timeout;
  }

  /** Publishes all to {@code dlqTopic}; throws if any was not confirmed, so the batch is retried. */
  public void publish(String dlqTopic, List<Rejected> rejected) {
    if (rejected.isEmpty()) {
      return;
    }
    List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(rejected.size());
    for (Rejected r : rejected) {
      RecordHeaders headers = new RecordHeaders();
      headers.add(Topics.REASON_HEADER, r.reason().getBytes(StandardCharsets.UTF_8));
      headers.add(Topics.ORIGINAL_TOPIC_HEADER, r.record().topic().getBytes(StandardCharsets.UTF_8));
      sends.add(template.send(new ProducerRecord<>(dlqTopic, null, r.record().key(), r.record().value(), headers)));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (CompletableFuture<SendResult<String, byte[]>> send : sends) {
        send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadLetterException("interrupted while sending to " + dlqTopic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new DeadLetterException("could not send " + rejected.size() + " record(s) to " + dlqTopic, e);
    }
  }

  /** A dead-letter send was not confirmed; the batch must be retried. */
  public static final class DeadLetterException extends RuntimeException {
    DeadLetterException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
