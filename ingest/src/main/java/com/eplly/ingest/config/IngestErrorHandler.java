package com.eplly.ingest.config;

import com.eplly.ingest.deadletter.DeadLetterPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ErrorHandlingUtils;
import org.springframework.kafka.listener.ListenerType;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Spring Kafka's {@link DefaultErrorHandler} with the ingest's classification of failures.
 *
 * <p>Transient failures (Redis or Kafka unavailable or timing out, Redis error replies, IO, an
 * unconfirmed dead-letter send) are retried with the back-off, forever: the batch stays put and
 * nothing is lost. Anything else is permanent and blamed on a record: the listeners do not say which
 * one, so the batch is replayed in halves (every half that succeeds is done, and the lake's offset
 * check keeps replays from writing anything twice) until one record fails on its own; it is thrown
 * as a {@link BatchListenerFailedException}, which makes the handler commit the records before it,
 * hand it to the recoverer (the dead-letter topic) and redeliver the rest.
 */
final class IngestErrorHandler extends DefaultErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(IngestErrorHandler.class);

  /**
   * Exception types retried forever. Redis error replies are here because most of them (OOM, LOADING,
   * READONLY, CLUSTERDOWN) are about the server, not the record; a record-specific one then stalls
   * its partition visibly (stuck health) rather than dead-lettering every record behind it.
   */
  static final Map<Class<? extends Throwable>, Boolean> CLASSIFICATIONS = Map.of(
      JedisConnectionException.class, true,
      JedisDataException.class, true,
      RetriableException.class, true,
      java.util.concurrent.TimeoutException.class, true,
      IOException.class, true,
      UncheckedIOException.class, true,
      InterruptedException.class, true,
      DeadLetterPublisher.DeadLetterException.class, true,
      RecordFailedAlone.class, false);

  IngestErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
    super(recoverer, backOff);
    setClassifications(CLASSIFICATIONS, false);
  }

  /** Whether {@code e} (as thrown by a listener) is retried rather than blamed on a record. */
  boolean isTransient(Exception e) {
    return getExceptionMatcher().match(ErrorHandlingUtils.unwrapIfNeeded(e));
  }

  @Override
  public void handleBatch(Exception thrown, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
      MessageListenerContainer container, Runnable invokeListener) {
    Object listener = container.getContainerProperties().getMessageListener();
    if (data.isEmpty() || isTransient(thrown) || carriesRecord(thrown) || !(listener instanceof BatchMessageListener<?, ?>)) {
      super.handleBatch(thrown, data, consumer, container, invokeListener);
      return;
    }
    List<ConsumerRecord<?, ?>> records = new ArrayList<>(data.count());
    data.forEach(records::add);
    log.warn("Batch of {} record(s) failed permanently ({}); replaying it in parts to find the record to dead-letter",
        records.size(), rootMessage(thrown));
    RuntimeException culprit;
    try {
      culprit = firstFailure(records, (BatchMessageListener<?, ?>) listener, consumer);
    } catch (RuntimeException transientFailure) {
      super.handleBatch(transientFailure, data, consumer, container, invokeListener);
      return;
    }
    if (culprit == null) {
      // every part succeeded on replay: the batch is done and the container commits it
      getRetryListeners().forEach(l -> l.recovered(data, thrown));
      return;
    }
    super.handleBatch(culprit, data, consumer, container, invokeListener);
  }

  /**
   * Runs the listener on {@code records}, then, when that fails permanently, on its halves, left
   * first; returns the {@link BatchListenerFailedException} of the first record that fails alone
   * (every record before it has then been processed), or null when all succeeded. Transient failures
   * are thrown.
   */
  private RuntimeException firstFailure(List<ConsumerRecord<?, ?>> records, BatchMessageListener<?, ?> listener,
      Consumer<?, ?> consumer) {
    try {
      invoke(listener, records, consumer);
      return null;
    } catch (RuntimeException e) {
      if (isTransient(e)) {
        throw e;
      }
      if (records.size() == 1) {
        ConsumerRecord<?, ?> r = records.get(0);
        return new BatchListenerFailedException(r.topic() + "-" + r.partition() + "@" + r.offset() + " fails on its own",
            new RecordFailedAlone(ErrorHandlingUtils.unwrapIfNeeded(e)), r);
      }
      int mid = records.size() / 2;
      RuntimeException left = firstFailure(records.subList(0, mid), listener, consumer);
      return left != null ? left : firstFailure(records.subList(mid, records.size()), listener, consumer);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void invoke(BatchMessageListener listener, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer) {
    List part = new ArrayList<>(records);
    ListenerType type = ListenerUtils.determineListenerType(listener);
    switch (type) {
      case ACKNOWLEDGING_CONSUMER_AWARE -> listener.onMessage(part, null, consumer);
      case CONSUMER_AWARE -> listener.onMessage(part, consumer);
      case ACKNOWLEDGING -> listener.onMessage(part, (org.springframework.kafka.support.Acknowledgment) null);
      default -> listener.onMessage(part);
    }
  }

  private static boolean carriesRecord(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BatchListenerFailedException) {
        return true;
      }
    }
    return false;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** A permanent failure pinned on one record: the listener failed when given that record alone. */
  static final class RecordFailedAlone extends RuntimeException {
    RecordFailedAlone(Throwable cause) {
      super(rootMessage(cause), cause);
    }
  }
}
