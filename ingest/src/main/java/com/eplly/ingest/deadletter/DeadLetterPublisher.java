package com.eplly.ingest.deadletter;

import com.eplly.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends rejected records to a dead-letter topic with their original key and bytes plus reason,
 * original-topic, partition and offset headers, and returns only once the broker confirmed all of
 * them, so that committing the batch's offsets can never lose a rejected record.
 *
 * <p>A record the dead-letter topic itself refuses (too large for the DLQ producer or topic, e.g. a
 * value the source topic accepted gzip-compressed, or otherwise invalid for that record alone) is
 * sent again with its value cut to the first {@value #TRUNCATED_VALUE_BYTES} bytes and headers naming
 * the refusal, the original size and the SHA-256 of the original bytes, so it is neither dropped nor
 * able to stall its partition. Refusals that are not about the record (broker down, timeout,
 * authorisation) still throw, and the batch is retried.
 */
public final class DeadLetterPublisher {

  /** Value prefix kept when the DLQ refuses the whole record; far below Kafka's 1 MB default limit. */
  public static final int TRUNCATED_VALUE_BYTES = 16 * 1024;

  /** Key characters kept in a truncated record; keys are ids, so only a hostile one is longer. */
  static final int TRUNCATED_KEY_CHARS = 1024;

  private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

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
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(rejected.size());
    for (Rejected r : rejected) {
      sends.add(send(whole(dlqTopic, r)));
    }
    List<Rejected> refused = new ArrayList<>();
    List<Throwable> refusals = new ArrayList<>();
    for (int i = 0; i < sends.size(); i++) {
      Throwable failure = outcome(sends.get(i), deadline, dlqTopic, rejected.size());
      if (failure == null) {
        continue;
      }
      if (!refusesThisRecord(failure)) {
        throw new DeadLetterException("could not send " + rejected.size() + " record(s) to " + dlqTopic, failure);
      }
      refused.add(rejected.get(i));
      refusals.add(rootCause(failure));
    }
    if (refused.isEmpty()) {
      return;
    }
    List<CompletableFuture<SendResult<String, byte[]>>> retries = new ArrayList<>(refused.size());
    for (int i = 0; i < refused.size(); i++) {
      Rejected r = refused.get(i);
      log.warn("{} refused {}-{}@{} ({} bytes): {}; dead-lettering its first {} bytes instead", dlqTopic,
          r.record().topic(), r.record().partition(), r.record().offset(), length(r.record().value()),
          describe(refusals.get(i)), TRUNCATED_VALUE_BYTES);
      retries.add(send(truncated(dlqTopic, r, describe(refusals.get(i)))));
    }
    for (CompletableFuture<SendResult<String, byte[]>> retry : retries) {
      Throwable failure = outcome(retry, deadline, dlqTopic, refused.size());
      if (failure != null) {
        throw new DeadLetterException("could not send even a truncated record to " + dlqTopic, failure);
      }
    }
  }

  private static ProducerRecord<String, byte[]> whole(String dlqTopic, Rejected r) {
    return new ProducerRecord<>(dlqTopic, null, r.record().key(), r.record().value(), headers(r));
  }

  private static ProducerRecord<String, byte[]> truncated(String dlqTopic, Rejected r, String why) {
    ConsumerRecord<String, byte[]> original = r.record();
    byte[] value = original.value();
    RecordHeaders headers = headers(r);
    headers.add(Topics.TRUNCATED_HEADER, utf8(why));
    headers.add(Topics.ORIGINAL_SIZE_HEADER, utf8(Integer.toString(length(value))));
    if (value != null) {
      headers.add(Topics.ORIGINAL_SHA256_HEADER, utf8(sha256(value)));
    }
    String key = original.key();
    if (key != null && key.length() > TRUNCATED_KEY_CHARS) {
      key = key.substring(0, TRUNCATED_KEY_CHARS);
    }
    byte[] prefix = value == null ? null : Arrays.copyOf(value, Math.min(value.length, TRUNCATED_VALUE_BYTES));
    return new ProducerRecord<>(dlqTopic, null, key, prefix, headers);
  }

  private static RecordHeaders headers(Rejected r) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(Topics.REASON_HEADER, utf8(r.reason()));
    headers.add(Topics.ORIGINAL_TOPIC_HEADER, utf8(r.record().topic()));
    headers.add(Topics.ORIGINAL_PARTITION_HEADER, utf8(Integer.toString(r.record().partition())));
    headers.add(Topics.ORIGINAL_OFFSET_HEADER, utf8(Long.toString(r.record().offset())));
    return headers;
  }

  private CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
    try {
      return template.send(record);
    } catch (RuntimeException e) {
      // some refusals (serialization) are thrown by send() rather than reported through the future
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Null when the broker confirmed the record, else why not; throws when out of time. */
  private Throwable outcome(CompletableFuture<SendResult<String, byte[]>> send, long deadline,
      String dlqTopic, int count) {
    try {
      send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadLetterException("interrupted while sending to " + dlqTopic, e);
    } catch (TimeoutException e) {
      throw new DeadLetterException("could not send " + count + " record(s) to " + dlqTopic + " within " + timeout, e);
    }
  }

  /** Whether the producer or broker refused this record for what it is, so resending it cannot help. */
  static boolean refusesThisRecord(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
          || t instanceof InvalidRecordException || t instanceof SerializationException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String describe(Throwable t) {
    String message = t.getClass().getSimpleName() + ": " + t.getMessage();
    return message.length() > 500 ? message.substring(0, 500) : message;
  }

  private static int length(byte[] value) {
    return value == null ? 0 : value.length;
  }

  private static byte[] utf8(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A dead-letter send was not confirmed; the batch must be retried. */
  public static final class DeadLetterException extends RuntimeException {
    DeadLetterException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
