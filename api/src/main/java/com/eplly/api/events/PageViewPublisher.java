package com.eplly.api.events;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ViewableImpression;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Produces accepted page views to {@link Topics#PAGE_VIEWS}, keyed by reader so each reader's
 * events stay in order, and viewable impressions to {@link Topics#IMPRESSIONS}, keyed by requestId
 * like the answer's served event, and waits (briefly) for the broker's acknowledgement: an event is
 * only "accepted" once Kafka holds it. Sends go through a circuit breaker, so while Kafka is down events
 * are refused at once instead of each holding a request thread for the ack timeout. Once a send has
 * been acknowledged, a producer left without a single open connection to the cluster counts as a
 * failed send at once: a stopped broker closes its connections, so the breaker opens within a few
 * events rather than after a few ack timeouts, while a broker that is up but slow to acknowledge gets
 * the whole ack timeout. (Before the first acknowledgement the producer may not have connected yet.)
 */
@Component
public class PageViewPublisher {

  private static final String UNAVAILABLE = "the event stream is unavailable, retry later";

  private final KafkaTemplate<String, byte[]> kafka;
  private final EventCodec codec;
  private final CircuitBreaker breaker;
  private final Duration ackTimeout;
  private final Duration openFor;
  private volatile Metric connections;
  private volatile boolean acknowledged;

  public PageViewPublisher(
      KafkaTemplate<String, byte[]> kafka, EventCodec codec, CircuitBreaker breaker, EpllyProperties properties) {
    this.kafka = kafka;
    this.codec = codec;
    this.breaker = breaker;
    this.ackTimeout = properties.events().ackTimeout();
    this.openFor = properties.events().breaker().openFor();
    // Spring may replace the producer (a reset, a fatal send error, a paused context): follow it, and
    // count a new producer as not yet acknowledged, since it has not connected yet.
    kafka.getProducerFactory().addListener(new ProducerFactory.Listener<>() {
      @Override
      public void producerAdded(String id, Producer<String, byte[]> producer) {
        acknowledged = false;
        connections = connectionCount(producer.metrics());
      }

      @Override
      public void producerRemoved(String id, Producer<String, byte[]> producer) {
        acknowledged = false;
        connections = null;
      }
    });
  }

  /**
   * Whether the producer holds both topics' metadata, so a send need not wait for it; asks for it
   * (within {@code max.block.ms} each) when not. The first call also creates the producer.
   */
  public boolean ready() {
    try {
      kafka.partitionsFor(Topics.PAGE_VIEWS);
      kafka.partitionsFor(Topics.IMPRESSIONS);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * @throws UnavailableException when the breaker is open or the broker does not acknowledge within
   *     the ack timeout; the sender retries with the same eventId, which downstream deduplication
   *     absorbs if the first send did land
   */
  public void publish(PageView view) {
    publish(Topics.PAGE_VIEWS, view.readerId(), codec.encode(view));
  }

  /** As {@link #publish(PageView)}; a repeated impression of one requestId counts once downstream. */
  public void publishViewable(ViewableImpression impression) {
    publish(Topics.IMPRESSIONS, impression.requestId(), codec.encode(impression));
  }

  private void publish(String topic, String key, byte[] bytes) {
    try {
      breaker.executeCheckedSupplier(() -> send(topic, key, bytes));
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

  /**
   * One deadline for the whole send: send() may block on metadata (max.block.ms) before the ack wait.
   * While the breaker is closed, a producer with no open connection fails at once; half-open probes
   * really send, which is what makes the producer connect again once the broker is back.
   */
  private Object send(String topic, String key, byte[] bytes)
      throws InterruptedException, ExecutionException, TimeoutException, BrokerUnreachableException {
    Metric open = connections;
    if (acknowledged && open != null && breaker.getState() == CircuitBreaker.State.CLOSED
        && ((Number) open.metricValue()).doubleValue() < 1) {
      throw new BrokerUnreachableException();
    }
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    var ack = kafka.send(topic, key, bytes);
    Object result = ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    acknowledged = true;
    return result;
  }

  /** The producer's count of open connections ({@code producer-metrics/connection-count}), or null. */
  private static Metric connectionCount(Map<MetricName, ? extends Metric> metrics) {
    for (Map.Entry<MetricName, ? extends Metric> m : metrics.entrySet()) {
      if ("connection-count".equals(m.getKey().name()) && "producer-metrics".equals(m.getKey().group())) {
        return m.getValue();
      }
    }
    return null;
  }

  /** The producer has no open connection to any broker. */
  private static final class BrokerUnreachableException extends Exception {
    BrokerUnreachableException() {
      super("no open connection to the Kafka cluster", null, false, false);
    }
  }
}
