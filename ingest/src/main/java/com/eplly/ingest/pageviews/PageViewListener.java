package com.eplly.ingest.pageviews;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.traffic.IngestMinuteTraffic;
import com.eplly.ingest.catalog.KnownArticles;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import com.eplly.ingest.deadletter.Rejected;
import com.eplly.ingest.lake.LakePlan;
import com.eplly.ingest.lake.LakeRecord;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.live.LiveEvent;
import com.eplly.ingest.live.LiveStateWriter;
import com.eplly.ingest.monitoring.IngestMetrics;
import com.eplly.ingest.privacy.ErasedReaders;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code page-views} in batches: rejects invalid records (and, when
 * {@code eplly.ingest.require-known-article} is on, views of articles missing from the catalog)
 * to the DLQ, updates the live state (exactly once, by its own offset watermarks; leaving out views of
 * readers erased after the views were sent), then writes the lake. It returns (and the
 * container commits the offsets) only when all three succeeded; any exception makes Spring Kafka's
 * error handler redeliver the batch after a back-off, and the lake's offset check keeps the
 * redelivery from writing anything twice.
 */
@Component
public class PageViewListener {

  /** Listener id, also usable with {@code KafkaListenerEndpointRegistry}. */
  public static final String ID = "page-views";

  private final EventCodec codec;
  private final DeadLetterPublisher deadLetters;
  private final LakeWriter lake;
  private final LiveStateWriter live;
  private final IngestMetrics metrics;
  private final Timer batchTimer;
  private final int concurrency;
  private final KnownArticles catalog;
  private final boolean requireKnownArticle;
  private final ErasedReaders erased;

  public PageViewListener(EventCodec codec, DeadLetterPublisher deadLetters, LakeWriter lake,
      LiveStateWriter live, KnownArticles catalog, ErasedReaders erased, IngestMetrics metrics,
      IngestProperties properties) {
    this.codec = codec;
    this.erased = erased;
    this.catalog = catalog;
    this.requireKnownArticle = properties.ingest().requireKnownArticle();
    this.deadLetters = deadLetters;
    this.lake = lake;
    this.live = live;
    this.metrics = metrics;
    this.batchTimer = metrics.batchTimer(Topics.PAGE_VIEWS);
    this.concurrency = properties.ingest().kafka().pageViewConcurrency();
  }

  /** Consumer threads for the container (read by the annotation's SpEL). */
  public int concurrency() {
    return concurrency;
  }

  @KafkaListener(id = ID, topics = Topics.PAGE_VIEWS, idIsGroup = false, batch = "true",
      concurrency = "#{__listener.concurrency()}")
  public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    batchTimer.record(() -> process(records));
  }

  /**
   * A valid page view, its lake line (the received bytes when they are exactly its encoding) and its
   * Kafka record time, which says whether an erasure covers it.
   */
  private record ValidView(PageView view, byte[] line, long recordTime) {}

  private void process(List<ConsumerRecord<String, byte[]>> records) {
    List<LakeRecord<ValidView>> valid = new ArrayList<>(records.size());
    List<ConsumerRecord<String, byte[]>> validSources = requireKnownArticle ? new ArrayList<>(records.size()) : null;
    List<Rejected> rejected = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      Decoded<PageView> decoded = codec.decodePageView(r.value());
      if (decoded instanceof Decoded.Valid<PageView> v) {
        PageView view = v.value();
        // The api sends the codec's own encoding, so re-encoding would mostly rebuild the same bytes.
        byte[] line = codec.isEncodingOf(r.value(), view) ? r.value() : codec.encode(view);
        valid.add(new LakeRecord<>(r.partition(), r.offset(), view.timestamp(),
            new ValidView(view, line, r.timestamp())));
        if (validSources != null) {
          validSources.add(r);
        }
      } else if (decoded instanceof Decoded.Invalid<PageView> i) {
        rejected.add(new Rejected(r, i.reason()));
      }
    }
    if (validSources != null) {
      valid = withoutUnknownArticles(valid, validSources, rejected);
    }
    deadLetters.publish(Topics.PAGE_VIEWS_DLQ, rejected);

    LakePlan<ValidView> plan = lake.plan(LakeLayout.PAGE_VIEWS, valid);
    // Every valid view goes to the live state, whether or not the lake has it: the live state's own
    // offset watermarks leave out what an earlier attempt applied (the lake write may have failed after it).
    // Views an erasure covers stay out of it (the lake keeps them until compaction).
    List<LakeRecord<ValidView>> toApply = valid;
    LiveStateWriter.Result applied = erased.whileCurrent(() -> {
      List<LiveEvent> events = new ArrayList<>(toApply.size());
      for (LakeRecord<ValidView> r : erased.withoutErased(toApply, r -> r.value().view().readerId(),
          r -> r.value().recordTime(), "live")) {
        events.add(new LiveEvent(r.partition(), r.offset(), r.value().view()));
      }
      return live.apply(events);
    });
    // each stage marked once it succeeded: a lake that keeps failing shows as a lake growing stale
    OptionalLong newest = valid.stream().mapToLong(r -> r.value().view().timestamp()).max();
    newest.ifPresent(at -> metrics.reached(IngestMinuteTraffic.LIVE, at));
    int files = lake.write(plan, ValidView::line);
    newest.ifPresent(at -> metrics.reached(IngestMinuteTraffic.LAKE, at));

    rejected.forEach(r -> metrics.rejected(Topics.PAGE_VIEWS, r.reason()));
    metrics.accepted(Topics.PAGE_VIEWS, plan.newCount());
    metrics.alreadyInLake(Topics.PAGE_VIEWS, plan.skipped());
    metrics.lakeFiles(LakeLayout.PAGE_VIEWS, files);
    metrics.liveSkipped(applied.alreadyApplied(), applied.futureIgnored());
  }

  /** Moves views of articles the catalog lacks to {@code rejected}; returns the rest in order. */
  private List<LakeRecord<ValidView>> withoutUnknownArticles(List<LakeRecord<ValidView>> valid,
      List<ConsumerRecord<String, byte[]>> sources, List<Rejected> rejected) {
    Set<String> unknown = catalog.unknown(valid.stream().map(r -> r.value().view().articleId()).toList());
    if (unknown.isEmpty()) {
      return valid;
    }
    List<LakeRecord<ValidView>> known = new ArrayList<>(valid.size());
    for (int i = 0; i < valid.size(); i++) {
      LakeRecord<ValidView> r = valid.get(i);
      String articleId = r.value().view().articleId();
      if (unknown.contains(articleId)) {
        rejected.add(new Rejected(sources.get(i), "unknown article \"" + articleId + "\""));
      } else {
        known.add(r);
      }
    }
    return known;
  }
}
