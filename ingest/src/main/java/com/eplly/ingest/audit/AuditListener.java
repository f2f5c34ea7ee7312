package com.eplly.ingest.audit;

import com.eplly.contracts.Topics;
import com.eplly.contracts.audit.AuditEvent;
import com.eplly.contracts.audit.AuditEventJson;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import com.eplly.ingest.deadletter.Rejected;
import com.eplly.ingest.lake.LakePlan;
import com.eplly.ingest.lake.LakeRecord;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.monitoring.IngestMetrics;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code audit} in batches into the lake ({@link LakeLayout#AUDIT}, by the action's time)
 * with the page views' exactly-once files, then into the console's list of recent actions. Invalid
 * records are dead-lettered; the container commits only after both writes, and both recognise a
 * redelivered batch (the files by their offsets, the list by its members).
 */
@Component
public class AuditListener {

  /** Listener id, also usable with {@code KafkaListenerEndpointRegistry}. */
  public static final String ID = "audit";

  private final AuditEventJson json = new AuditEventJson();
  private final DeadLetterPublisher deadLetters;
  private final LakeWriter lake;
  private final RecentAuditActions recent;
  private final IngestMetrics metrics;
  private final Timer batchTimer;

  public AuditListener(DeadLetterPublisher deadLetters, LakeWriter lake, RecentAuditActions recent,
      IngestMetrics metrics) {
    this.deadLetters = deadLetters;
    this.lake = lake;
    this.recent = recent;
    this.metrics = metrics;
    this.batchTimer = metrics.batchTimer(Topics.AUDIT);
  }

  @KafkaListener(id = ID, topics = Topics.AUDIT, idIsGroup = false, batch = "true")
  public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    batchTimer.record(() -> process(records));
  }

  private void process(List<ConsumerRecord<String, byte[]>> records) {
    List<LakeRecord<byte[]>> valid = new ArrayList<>(records.size());
    List<RecentAuditActions.Entry> entries = new ArrayList<>(records.size());
    List<Rejected> rejected = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      Decoded<AuditEvent> decoded = json.read(r.value());
      if (decoded instanceof Decoded.Valid<AuditEvent> v) {
        // written again: one canonical line per event, so a replay adds the very same set member
        byte[] line = json.write(v.value());
        valid.add(new LakeRecord<>(r.partition(), r.offset(), v.value().at(), line));
        entries.add(new RecentAuditActions.Entry(new String(line, StandardCharsets.UTF_8), v.value().at()));
      } else if (decoded instanceof Decoded.Invalid<AuditEvent> i) {
        rejected.add(new Rejected(r, i.reason()));
      }
    }
    deadLetters.publish(Topics.AUDIT_DLQ, rejected);
    LakePlan<byte[]> plan = lake.plan(LakeLayout.AUDIT, valid);
    int files = lake.write(plan, line -> line);
    // every valid record, not only the plan's new ones: a crash after the lake write must not leave
    // the list without them
    recent.add(entries);

    rejected.forEach(r -> metrics.rejected(Topics.AUDIT, r.reason()));
    metrics.accepted(Topics.AUDIT, plan.newCount());
    metrics.alreadyInLake(Topics.AUDIT, plan.skipped());
    metrics.lakeFiles(LakeLayout.AUDIT, files);
  }
}
