package com.eplly.ingest.impressions;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import com.eplly.ingest.deadletter.Rejected;
import com.eplly.ingest.lake.LakePlan;
import com.eplly.ingest.lake.LakeRecord;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.monitoring.IngestMetrics;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code impressions} in batches into the lake's own folder ({@link LakeLayout#IMPRESSIONS},
 * by event time), with the page views' exactly-once files: invalid records are dead-lettered, the
 * rest written as the codec encodes them, and the container commits only after the write, so a
 * redelivered batch is recognised by the files' offsets and written once.
 */
@Component
public class ImpressionListener {

  /** Listener id, also usable with {@code KafkaListenerEndpointRegistry}. */
  public static final String ID = "impressions";

  private final EventCodec codec;
  private final DeadLetterPublisher deadLetters;
  private final LakeWriter lake;
  private final IngestMetrics metrics;
  private final Timer batchTimer;
  private final long fetchMaxWaitMs;

  public ImpressionListener(EventCodec codec, DeadLetterPublisher deadLetters, LakeWriter lake, IngestMetrics metrics,
      IngestProperties properties) {
    this.fetchMaxWaitMs = properties.ingest().kafka().impressionsFetchMaxWait().toMillis();
    this.codec = codec;
    this.deadLetters = deadLetters;
    this.lake = lake;
    this.metrics = metrics;
    this.batchTimer = metrics.batchTimer(Topics.IMPRESSIONS);
  }

  /** The consumer's {@code fetch.max.wait.ms} (read by the annotation's SpEL). */
  public long fetchMaxWaitMs() {
    return fetchMaxWaitMs;
  }

  @KafkaListener(id = ID, topics = Topics.IMPRESSIONS, idIsGroup = false, batch = "true",
      properties = ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG + "=#{__listener.fetchMaxWaitMs()}")
  public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    batchTimer.record(() -> process(records));
  }

  private void process(List<ConsumerRecord<String, byte[]>> records) {
    List<LakeRecord<byte[]>> valid = new ArrayList<>(records.size());
    List<Rejected> rejected = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      Decoded<ImpressionEvent> decoded = codec.decodeImpression(r.value());
      if (decoded instanceof Decoded.Valid<ImpressionEvent> v) {
        ImpressionEvent event = v.value();
        // encoded again: one canonical line per event, whatever spacing or key order the sender used
        valid.add(new LakeRecord<>(r.partition(), r.offset(), event.timestamp(), codec.encode(event)));
      } else if (decoded instanceof Decoded.Invalid<ImpressionEvent> i) {
        rejected.add(new Rejected(r, i.reason()));
      }
    }
    deadLetters.publish(Topics.IMPRESSIONS_DLQ, rejected);
    LakePlan<byte[]> plan = lake.plan(LakeLayout.IMPRESSIONS, valid);
    int files = lake.write(plan, line -> line);

    rejected.forEach(r -> metrics.rejected(Topics.IMPRESSIONS, r.reason()));
    metrics.accepted(Topics.IMPRESSIONS, plan.newCount());
    metrics.alreadyInLake(Topics.IMPRESSIONS, plan.skipped());
    metrics.lakeFiles(LakeLayout.IMPRESSIONS, files);
  }
}
