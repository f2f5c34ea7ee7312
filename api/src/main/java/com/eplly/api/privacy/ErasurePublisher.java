package com.eplly.api.privacy;

import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.Topics;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.contracts.privacy.ReaderErasureJson;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes an erasure to {@link Topics#ERASURES}, keyed by reader (so the compacted topic keeps the
 * newest per reader), and waits for the broker's acknowledgement: an erasure is accepted only once
 * Kafka holds it. With Kafka down the producer gives up on metadata within {@code max.block.ms}, or
 * on an unacknowledged record within {@code delivery.timeout.ms}; {@link #ACK_TIMEOUT} bounds the rest.
 */
@Component
public class ErasurePublisher {

  /** Longest wait for the acknowledgement; an admin call, rare, may wait longer than an event. */
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

  private static final String UNAVAILABLE =
      "the erasures topic (Kafka) is unavailable, nothing was erased; retry later";

  private final KafkaTemplate<String, byte[]> kafka;
  private final ReaderErasureJson json = new ReaderErasureJson();

  public ErasurePublisher(KafkaTemplate<String, byte[]> kafka) {
    this.kafka = kafka;
  }

  /** @throws UnavailableException when the broker did not acknowledge in time (the caller retries) */
  public void publish(ReaderErasure erasure) {
    long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
    try {
      kafka.send(Topics.ERASURES, erasure.readerId(), json.write(erasure))
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(UNAVAILABLE, e);
    } catch (ExecutionException e) {
      throw new UnavailableException(UNAVAILABLE, e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      // send() itself throws when the topic's metadata is missing after max.block.ms
      throw new UnavailableException(UNAVAILABLE, e);
    }
  }
}
