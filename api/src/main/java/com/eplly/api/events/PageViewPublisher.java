package com.eplly.api.events;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Produces accepted page views to {@link Topics#PAGE_VIEWS}, keyed by reader so each reader's
 * events stay in order, and waits (briefly) for the broker's acknowledgement: an event is only
 * "accepted" once Kafka holds it. Sends go through a circuit breaker, so while Kafka is down events
 * are refused at once instead of each holding a request thread for the ack timeout.
 */
@Component
public class PageViewPublisher {

  private static final Logger log = LoggerFactory.getLogger(PageViewPublisher.class);
  private static final String UNAVAILABLE = "the event stream is unavailable, retry later";

  private final KafkaTemplate<String, byte[]> kafka;
  private final EventCodec codec;
  private final CircuitBreaker breaker;
  private final Duration ackTimeout;
  private final Duration openFor;

  public PageViewPublisher(
      KafkaTemplate<String, byte[]> kafka, EventCodec codec, CircuitBreaker breaker, EpllyProperties properties) {
    this.kafka = kafka;
    this.codec = codec;
    this.breaker = breaker;
    this.ackTimeout = properties.events().ackTimeout();
    this.openFor = properties.events().breaker().openFor();
  }

  /**
   * Creates the producer and fetches the topic's metadata once the api is up, so the first page
   * view does not pay for either within its short ack timeout. Best effort: Kafka may be down.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void warmUp() {
    try {
      kafka.partitionsFor(Topics.PAGE_VIEWS);
    } catch (RuntimeException e) {
      log.warn("Kafka not reachable at start, events are refused until it is: {}", e.toString());
    }
  }

  /**
   * @throws UnavailableException when the breaker is open or the broker does not acknowledge within
   *     the ack timeout; the sender retries with the same eventId, which downstream deduplication
   *     absorbs if the first send did land
   */
  public void publish(PageView view) {
    byte[] bytes = codec.encode(view);
    try {
      breaker.executeCheckedSupplier(() -> send(view.readerId(), bytes));
    } catch (CallNotPermittedException e) {
      throw new UnavailableException(UNAVAILABLE, e, openFor);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted while sending the event, retry later", e);
    } catch (ExecutionException e) {
      throw new UnavailableException(UNAVAILABLE, e.getCause());
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      // send() itself throws when metadata is missing after max.block.ms; a TimeoutException is an ack too late
      throw new UnavailableException(UNAVAILABLE, e);
    }
  }

  /** One deadline for the whole send: send() may block on metadata (max.block.ms) before the ack wait. */
  private Object send(String key, byte[] bytes) throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    var ack = kafka.send(Topics.PAGE_VIEWS, key, bytes);
    return ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }
}
