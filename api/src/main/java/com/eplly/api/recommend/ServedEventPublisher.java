package com.eplly.api.recommend;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.config.LazyProducer;
import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes what each recommendation answer served to {@link Topics#IMPRESSIONS}, keyed by requestId,
 * without the answer ever waiting for Kafka. The producer is the api's own Kafka settings with
 * {@code max.block.ms=0} and a bounded {@code buffer.memory}: a send that finds no metadata (a broker
 * never reached) or no room in the buffer (a slow or stopped broker) fails inside {@code send()} at
 * once, and an event the broker does not acknowledge within {@code delivery.timeout.ms} fails later
 * on the producer's thread; both are dropped and counted, and the sends of the next moment are
 * dropped untried. A bounded queue with a thread of our own would add a second buffer and a hand-off
 * to what the producer already does.
 *
 * <p>A producer of its own, not the page views' one: that one may block a request for up to
 * {@code max.block.ms} (page views must be acknowledged), and its buffer must not fill with served
 * events while the broker is away.
 */
@Component
public class ServedEventPublisher implements DisposableBean {

  private final LazyProducer producer;
  private final Callback delivered = this::delivered;
  private final EventCodec codec;
  private final Clock clock;
  private final boolean enabled;
  private final Counter sent;
  private final Counter dropped;
  private final long pauseAfterFailureMs;
  private volatile long pausedUntil;

  public ServedEventPublisher(
      ProducerFactory<String, byte[]> shared, EventCodec codec, Clock clock, EpllyProperties properties,
      MeterRegistry registry) {
    EpllyProperties.Served settings = properties.served();
    Map<String, Object> config = new HashMap<>(shared.getConfigurationProperties());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, settings.bufferMemory().toBytes());
    config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) settings.batchSize().toBytes());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
    config.compute(ProducerConfig.CLIENT_ID_CONFIG, (k, id) -> id == null ? "eplly-api-served" : id + "-served");
    DefaultKafkaProducerFactory<String, byte[]> producers =
        new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    this.producer = new LazyProducer(producers);
    this.codec = codec;
    this.clock = clock;
    this.enabled = settings.enabled();
    this.pauseAfterFailureMs = settings.pauseAfterFailure().toMillis();
    this.sent = Counter.builder("eplly.served.events.sent")
        .description("Served events the broker acknowledged (impressions topic)")
        .register(registry);
    this.dropped = Counter.builder("eplly.served.events.dropped")
        .description("Served events given up: no broker metadata, a full producer buffer, or not acknowledged in time")
        .register(registry);
  }

  /** Hands the answer's served event to the producer; returns at once whatever the broker does. */
  public void publish(RecommendationQuery query, RecommendationResponse answer) {
    if (!enabled) {
      return;
    }
    long now = clock.millis();
    if (now < pausedUntil) {
      dropped.increment();
      return;
    }
    ServedEvent event = event(query, answer, now);
    try {
      // the producer's own send with one shared callback: a template's future per answer, completed
      // on the producer's single network thread, cost a measurable share of it (docs/experiments.md)
      producer.get().send(new ProducerRecord<>(Topics.IMPRESSIONS, event.requestId(), codec.encode(event)), delivered);
    } catch (RuntimeException e) {
      // the producer could not be created or was closed: the same outcome, a dropped event
      failed();
    }
  }

  /** Runs on the producer's thread, or on the caller's when the send fails at once (no metadata, no room). */
  private void delivered(RecordMetadata metadata, Exception error) {
    if (error == null) {
      sent.increment();
    } else {
      failed();
    }
  }


  /**
   * A failed send costs far more than a sent one (an exception with its stack, a wake-up of the
   * producer's thread to look for metadata): measured with the broker away, 300 µs of CPU more per
   * answer. So after a failure the next sends for {@code pauseAfterFailure} are dropped untried.
   */
  private void failed() {
    dropped.increment();
    pausedUntil = clock.millis() + pauseAfterFailureMs;
  }

  /**
   * Whether the producer holds the topic's metadata (asking for it when not), so that sends can
   * succeed; with {@code max.block.ms=0} a send before that is dropped.
   */
  public boolean ready() {
    if (!enabled) {
      return true;
    }
    try {
      producer.get().partitionsFor(Topics.IMPRESSIONS);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  static ServedEvent event(RecommendationQuery query, RecommendationResponse answer, long now) {
    List<ServedItem> items = new ArrayList<>(answer.items().size());
    for (RecommendedItem item : answer.items()) {
      items.add(new ServedItem(item.articleId(), items.size() + 1, item.reason()));
    }
    return new ServedEvent(answer.requestId(), now, query.readerId(), query.sessionId(), query.articleId(),
        answer.modelVersion(), answer.experiment(), answer.arm(), answer.degraded(), items);
  }

  @Override
  public void destroy() {
    producer.close();
  }
}
