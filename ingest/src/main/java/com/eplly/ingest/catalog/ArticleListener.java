package com.eplly.ingest.catalog;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.codec.Validation;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.content.LiveContent;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import com.eplly.ingest.deadletter.Rejected;
import com.eplly.ingest.lake.LakePlan;
import com.eplly.ingest.lake.LakeRecord;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.monitoring.IngestMetrics;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the compacted {@code articles} topic in batches: invalid records go to the DLQ, valid
 * ones replace the article in Redis and are appended to the lake's {@code articles} dataset (hour
 * folder = the Kafka record time, so a replay lands in the same folder); a tombstone removes the
 * article from Redis. The live content index then writes the changed articles' content neighbours.
 */
@Component
public class ArticleListener {

  /** Listener id, also usable with {@code KafkaListenerEndpointRegistry}. */
  public static final String ID = "articles";

  private final EventCodec codec;
  private final DeadLetterPublisher deadLetters;
  private final CatalogWriter catalog;
  private final LiveContent liveContent;
  private final LakeWriter lake;
  private final IngestMetrics metrics;
  private final Timer batchTimer;
  private final int concurrency;

  public ArticleListener(EventCodec codec, DeadLetterPublisher deadLetters, CatalogWriter catalog,
      LiveContent liveContent, LakeWriter lake, IngestMetrics metrics, IngestProperties properties) {
    this.codec = codec;
    this.deadLetters = deadLetters;
    this.catalog = catalog;
    this.liveContent = liveContent;
    this.lake = lake;
    this.metrics = metrics;
    this.batchTimer = metrics.batchTimer(Topics.ARTICLES);
    this.concurrency = properties.ingest().kafka().articleConcurrency();
  }

  /** Consumer threads for the container (read by the annotation's SpEL). */
  public int concurrency() {
    return concurrency;
  }

  @KafkaListener(id = ID, topics = Topics.ARTICLES, idIsGroup = false, batch = "true",
      concurrency = "#{__listener.concurrency()}")
  public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    batchTimer.record(() -> process(records));
  }

  private void process(List<ConsumerRecord<String, byte[]>> records) {
    List<CatalogChange> changes = new ArrayList<>(records.size());
    List<LakeRecord<Article>> valid = new ArrayList<>(records.size());
    List<Rejected> rejected = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      String key = r.key();
      if (r.value() == null && key != null && Validation.isId(key)) {
        changes.add(new CatalogChange.Delete(key));
        continue;
      }
      Decoded<Article> decoded = codec.decodeArticle(r.value());
      if (decoded instanceof Decoded.Invalid<Article> i) {
        rejected.add(new Rejected(r, i.reason()));
      } else if (decoded instanceof Decoded.Valid<Article> v) {
        Article a = v.value();
        if (key != null && !key.equals(a.articleId())) {
          // the topic is compacted by key: a mismatch would let compaction keep the wrong version
          rejected.add(new Rejected(r, "key must equal articleId \"" + a.articleId() + "\""));
        } else {
          changes.add(new CatalogChange.Upsert(a));
          valid.add(new LakeRecord<>(r.partition(), r.offset(), r.timestamp(), a));
        }
      }
    }
    deadLetters.publish(Topics.ARTICLES_DLQ, rejected);
    catalog.apply(changes);
    liveContent.apply(changes);
    LakePlan<Article> plan = lake.plan(LakeLayout.ARTICLES, valid);
    int files = lake.write(plan, codec::encode);

    rejected.forEach(r -> metrics.rejected(Topics.ARTICLES, r.reason()));
    metrics.accepted(Topics.ARTICLES, plan.newCount());
    metrics.alreadyInLake(Topics.ARTICLES, plan.skipped());
    metrics.lakeFiles(LakeLayout.ARTICLES, files);
  }
}
