package com.eplly.ingest.experiment;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ViewableImpression;
import com.eplly.ingest.config.IngestProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
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

  private final EventCodec codec;
  private final ExperimentAttribution attribution;
  private final Counter unattributed;
  private final String groupId;

  public ExperimentCountListener(EventCodec codec, ExperimentAttribution attribution, MeterRegistry meters,
      IngestProperties properties) {
    this.codec = codec;
    this.attribution = attribution;
    this.groupId = properties.ingest().kafka().groupId() + "-experiments";
    this.unattributed = Counter.builder("eplly_clicks_unattributed")
        .description("clicks whose answer is unknown, outside any experiment or older than the attribution window")
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
    List<ServedEvent> served = new ArrayList<>();
    List<ViewableImpression> viewable = new ArrayList<>();
    List<PageView> clicks = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (Topics.IMPRESSIONS.equals(r.topic())) {
        if (codec.decodeImpression(r.value()) instanceof Decoded.Valid<ImpressionEvent> v) {
          if (v.value() instanceof ServedEvent s) {
            served.add(s);
          } else if (v.value() instanceof ViewableImpression i) {
            viewable.add(i);
          }
        }
      } else if (codec.decodePageView(r.value()) instanceof Decoded.Valid<PageView> v && v.value().requestId() != null) {
        clicks.add(v.value());
      }
    }
    // served first: a click or impression in the same batch finds its answer
    attribution.served(served);
    attribution.viewable(viewable);
    unattributed.increment(attribution.clicks(clicks).unattributedClicks());
  }
}
