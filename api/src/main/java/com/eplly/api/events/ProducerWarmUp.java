package com.eplly.api.events;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.recommend.ServedEventPublisher;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Gets the Kafka producers (page views', served events') their first metadata before the api
 * reports ready: Boot publishes readiness only after the application runners, and a first
 * connection plus metadata round trip can take longer than a send may block, so events arriving
 * right after start-up would time out and open the circuit breaker although Kafka is fine. Bounded by {@code eplly.events.warm-up}; past it the api
 * gets ready anyway (recommendations need no Kafka) and keeps asking on a thread of its own.
 */
@Component
class ProducerWarmUp implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);
  private static final long PAUSE_MS = 200;
  /** After start-up: a minute more of asking at most; then the breaker's probes take over. */
  private static final Duration BACKGROUND = Duration.ofMinutes(1);

  private final PageViewPublisher publisher;
  private final ServedEventPublisher served;
  private final Duration warmUp;

  ProducerWarmUp(PageViewPublisher publisher, ServedEventPublisher served, EpllyProperties properties) {
    this.publisher = publisher;
    this.served = served;
    this.warmUp = properties.events().warmUp();
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    if (askUntil(started + warmUp.toNanos())) {
      log.info("Kafka producer ready after {} ms", (System.nanoTime() - started) / 1_000_000);
      return;
    }
    log.warn("Kafka not reachable after {} s: ready without it, events answer 503 until it is", warmUp.toSeconds());
    Thread background = new Thread(() -> {
      if (askUntil(System.nanoTime() + BACKGROUND.toNanos())) {
        log.info("Kafka producer ready");
      }
    }, "kafka-warm-up");
    background.setDaemon(true);
    background.start();
  }

  private boolean askUntil(long deadlineNanos) {
    // both asked on every round: the served producer fetches its metadata in the background meanwhile
    while (!(publisher.ready() & served.ready())) {
      if (System.nanoTime() > deadlineNanos) {
        return false;
      }
      try {
        Thread.sleep(PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
