package com.eplly.ingest.privacy;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.contracts.privacy.ReaderErasureJson;
import com.eplly.ingest.lake.LakePlan;
import com.eplly.ingest.lake.LakeRecord;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.monitoring.IngestMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Copies {@code erasures} into the lake ({@link LakeLayout#ERASURES}, by Kafka record time) with the
 * other datasets' exactly-once files, in ingest's consumer group, so that training, evaluation and
 * {@code reco compact} know whom to leave out. Records that do not decode are skipped (the api and
 * {@code reco erase} only send valid ones); the lake keeps each erasure as the codec writes it.
 */
@Component
public class ErasureLakeListener {

  /** Listener id, also usable with {@code KafkaListenerEndpointRegistry}. */
  public static final String ID = "erasures-lake";

  private static final Logger log = LoggerFactory.getLogger(ErasureLakeListener.class);

  private final ReaderErasureJson json = new ReaderErasureJson();
  private final LakeWriter lake;
  private final IngestMetrics metrics;

  public ErasureLakeListener(LakeWriter lake, IngestMetrics metrics) {
    this.lake = lake;
    this.metrics = metrics;
  }

  // the topic is created compacted by TopicLayout; a subscription must never create it otherwise
  @KafkaListener(id = ID, topics = Topics.ERASURES, idIsGroup = false, batch = "true",
      properties = ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG + "=false")
  public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    List<LakeRecord<ReaderErasure>> valid = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> r : records) {
      Decoded<ReaderErasure> decoded = r.value() == null ? Decoded.invalid("tombstone") : json.read(r.value());
      if (decoded instanceof Decoded.Valid<ReaderErasure> v) {
        valid.add(new LakeRecord<>(r.partition(), r.offset(), r.timestamp(), v.value()));
      } else if (decoded instanceof Decoded.Invalid<ReaderErasure> i) {
        log.warn("Erasure record {}-{}@{} left out of the lake: {}", r.topic(), r.partition(), r.offset(), i.reason());
      }
    }
    LakePlan<ReaderErasure> plan = lake.plan(LakeLayout.ERASURES, valid);
    int files = lake.write(plan, json::write);
    metrics.accepted(Topics.ERASURES, plan.newCount());
    metrics.alreadyInLake(Topics.ERASURES, plan.skipped());
    metrics.lakeFiles(LakeLayout.ERASURES, files);
  }
}
