package com.eplly.api.audit;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.config.LazyProducer;
import com.eplly.contracts.Topics;
import com.eplly.contracts.audit.AuditEvent;
import com.eplly.contracts.audit.AuditEventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends admin actions to {@link Topics#AUDIT}, keyed by actor, from a producer of its own: the page
 * views' settings (acks=all, idempotent, so a retried record is written once) but patient, since an
 * admin action is rare and its record must not be dropped the way a served event may be.
 *
 * <p>The action has already happened when its record is sent, and it is not refused when Kafka is
 * down: rollback, blocking an article or erasing a reader are what an operator reaches for in an
 * incident, possibly one of Kafka, and must not depend on it. The record is sent once the answer
 * is written (a caller may already hold a sized answer), and the request's thread waits for the
 * acknowledgement at most {@code ack-timeout}, which bounds what a slow broker costs Tomcat; a
 * record not acknowledged by then stays with the producer, retried for {@code delivery-timeout}.
 * A record finally undelivered is not lost silently: it is logged whole at ERROR (a second record
 * an operator can replay into the topic) and counted in {@code eplly_audit_undelivered_total},
 * which an alert watches.
 */
@Component
public class AuditLog implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final LazyProducer producer;
  private final AuditEventJson json = new AuditEventJson();
  private final Duration ackTimeout;
  private final Counter sent;
  private final Counter undelivered;

  public AuditLog(ProducerFactory<String, byte[]> shared, EpllyProperties properties, MeterRegistry registry) {
    EpllyProperties.Audit settings = properties.admin().audit();
    this.ackTimeout = settings.ackTimeout();
    Map<String, Object> config = new HashMap<>(shared.getConfigurationProperties());
    // send() may block this long for the topic's metadata; the ack wait below shares the same bound
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.ackTimeout().toMillis());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.compute(ProducerConfig.CLIENT_ID_CONFIG, (k, id) -> id == null ? "eplly-api-audit" : id + "-audit");
    DefaultKafkaProducerFactory<String, byte[]> producers =
        new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    // closing the producer waits this long for records in flight; what is left is logged as undelivered
    producers.setPhysicalCloseTimeout((int) Math.max(1, settings.ackTimeout().toSeconds()));
    this.producer = new LazyProducer(producers);
    this.sent = Counter.builder("eplly.audit.sent")
        .description("Admin actions the broker acknowledged on the audit topic")
        .register(registry);
    this.undelivered = Counter.builder("eplly.audit.undelivered")
        .description("Admin actions whose audit record the broker never acknowledged; each is logged whole at ERROR")
        .register(registry);
  }

  /** Sends the action's record and waits for its acknowledgement at most {@code ack-timeout}; never throws. */
  public void record(AuditEvent event) {
    log.info("admin action actor={} action={} target={} status={} requestId={}", event.actor(), event.action(),
        event.target(), event.status(), event.requestId());
    byte[] bytes = json.write(event);
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    try {
      producer.get().send(new ProducerRecord<>(Topics.AUDIT, event.actor(), bytes), (metadata, error) -> {
        if (error == null) {
          sent.increment();
          acknowledged.complete(null);
        } else {
          undelivered(bytes, error);
          acknowledged.completeExceptionally(error);
        }
      });
    } catch (RuntimeException e) {
      // the producer could not be created or is closed: the callback will never run
      undelivered(bytes, e);
      return;
    }
    try {
      acknowledged.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      log.warn("audit record of {} not acknowledged within {} ms; the producer keeps trying", event.requestId(),
          ackTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // already logged and counted by the callback
    }
  }

  private void undelivered(byte[] bytes, Exception error) {
    undelivered.increment();
    log.error("AUDIT RECORD UNDELIVERED to topic {}: {} ({})", Topics.AUDIT, new String(bytes, StandardCharsets.UTF_8),
        error.toString());
  }


  /** Gives records still in flight the ack timeout to land before the api stops. */
  @Override
  public void destroy() {
    producer.close();
  }
}
