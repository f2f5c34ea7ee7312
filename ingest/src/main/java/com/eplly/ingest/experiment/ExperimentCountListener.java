package com.eplly.ingest.experiment;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ViewableImpression;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.privacy.ErasedReaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code impressions} and {@code page-views} in a consumer group of its own (so counting
 * lags or stalls without holding up the lake or the live state) and feeds
 * {@link ExperimentAttribution}. Records that do not decode are skipped here: the main listeners
 * dead-letter them.
 */
@Component
public class ExperimentCountListener {

  /** Listener id. */
  public static final String ID = "experiment-counts";

  /** How long an impression or click waits for its answer's served event (the api's delivery timeout is 10 s). */
  static final Duration ANSWER_GRACE = Duration.ofMinutes(1);
  /** Most impressions, and most clicks, that wait at once. */
  static final int MAX_WAITING = 200_000;

  private final EventCodec codec;
  private final ExperimentAttribution attribution;
  private final Counter unattributed;
  private final String groupId;
  private final PendingTouches pending;
  private final ErasedReaders erased;

  public ExperimentCountListener(EventCodec codec, ExperimentAttribution attribution, ErasedReaders erased,
      MeterRegistry meters, IngestProperties properties, Clock clock) {
    this.erased = erased;
    this.pending = new PendingTouches(clock, ANSWER_GRACE, MAX_WAITING);
    this.codec = codec;
    this.attribution = attribution;
    this.groupId = properties.ingest().kafka().groupId() + "-experiments";
    this.unattributed = Counter.builder("eplly_clicks_unattributed")
        .description("clicks not attributed to an experiment arm: answer outside experiments, unknown, or too old")
        .register(meters);
  }

  /** The consumer group: ingest's own plus {@code -experiments} (read by the annotation's SpEL). */
  public String groupId() {
    return groupId;
  }

  @KafkaListener(id = ID, topics = {Topics.IMPRESSIONS, Topics.PAGE_VIEWS}, batch = "true",
      groupId = "#{__listener.groupId()}",
      containerFactory = ExperimentCountsConfig.FACTORY)
  public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    List<Served> served = new ArrayList<>();
    List<ViewableImpression> viewable = new ArrayList<>();
    List<PageView> clicks = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (Topics.IMPRESSIONS.equals(r.topic())) {
        if (codec.decodeImpression(r.value()) instanceof Decoded.Valid<ImpressionEvent> v) {
          if (v.value() instanceof ServedEvent s) {
            if (s.experiment() != null) { // only an experiment's answers are counted
              served.add(new Served(s, r.timestamp()));
            }
          } else if (v.value() instanceof ViewableImpression i) {
            viewable.add(i);
          }
        }
      } else if (codec.mayHaveRequestId(r.value()) // most views are no clicks: not decoded a second time
          && codec.decodePageView(r.value()) instanceof Decoded.Valid<PageView> v && v.value().requestId() != null) {
        clicks.add(v.value());
      }
    }
    // served first: a click or impression in the same batch finds its answer. An erased reader's
    // answer sent before the erasure counts nothing: its unit marker would bring the reader back.
    erased.whileCurrent(() -> attribution.served(erased.withoutErased(served, s -> s.event().readerId(),
        Served::recordTime, "experiment-counts").stream().map(Served::event).toList()));
    unattributed.increment(pending.attribute(attribution, viewable, clicks));
  }

  /** A served event with its Kafka record time, which says whether an erasure covers it. */
  private record Served(ServedEvent event, long recordTime) {}

  /** With no new records, what waits for its answer is tried again (on the consumer thread, like batches). */
  @EventListener(condition = "event.listenerId.startsWith('" + ID + "')")
  public void onIdle(ListenerContainerIdleEvent idle) {
    if (pending.waiting() > 0) {
      unattributed.increment(pending.attribute(attribution, List.of(), List.of()));
    }
  }
}
