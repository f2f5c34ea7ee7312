package com.eplly.api.events;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Produces accepted page views to {@link Topics#PAGE_VIEWS}, keyed by reader so each reader's
 * events stay in order, and waits for the broker's acknowledgement: an event is only "accepted"
 * once Kafka holds it.
 */
@Component
public class PageViewPublisher {

  private final KafkaTemplate<String, byte[]> kafka;
  private final EventCodec codec;
  private final Duration ackTimeout;

  public PageViewPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec, EpllyProperties properties) {
    this.kafka = kafka;
    this.codec = codec;
    this.ackTimeout = properties.events().ackTimeout();
  }

  /**
   * @throws UnavailableException when the broker does not acknowledge in time; the sender retries
   *     with the same eventId, which downstream deduplication absorbs if the first send did land
   */
  public void publish(PageView view) {
    byte[] bytes = codec.encode(view);
    try {
      kafka.send(Topics.PAGE_VIEWS, view.readerId(), bytes)
          .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted while sending the event, retry later", e);
    } catch (ExecutionException e) {
      throw new UnavailableException("the event stream is unavailable, retry later", e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw new UnavailableException("the event stream is unavailable, retry later", e);
    }
  }
}
