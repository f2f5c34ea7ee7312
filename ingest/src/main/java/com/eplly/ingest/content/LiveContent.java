package com.eplly.ingest.content;

import com.eplly.contracts.content.ContentNeighbour;
import com.eplly.contracts.event.Article;
import com.eplly.ingest.catalog.CatalogChange;
import com.eplly.ingest.config.IngestProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Live content similarity without retraining: keeps the {@link LiveContentIndex} in step with the
 * catalog and, for every article a batch adds or changes, writes its top-K neighbours (see
 * {@link LiveSimilarWriter}). The index is seeded from the Redis catalog on the first batch (a
 * seed that fails fails the batch, which is redelivered), so a restart starts from what is
 * already published rather than from the committed offsets onward.
 */
@Component
public class LiveContent {

  public static final String INDEX_SIZE = "eplly.ingest.content.index.articles";

  private static final Logger log = LoggerFactory.getLogger(LiveContent.class);

  private final LiveContentIndex index;
  private final CatalogSeed seed;
  private final LiveSimilarWriter writer;
  private final IngestProperties.Content settings;
  private final Clock clock;
  private boolean seeded;
  private volatile int size;

  public LiveContent(CatalogSeed seed, LiveSimilarWriter writer, IngestProperties properties, Clock clock,
      MeterRegistry meters) {
    this.settings = properties.ingest().content();
    this.index = new LiveContentIndex(settings.maxArticles(), settings.maxAge(), settings.categoryWeight());
    this.seed = seed;
    this.writer = writer;
    this.clock = clock;
    Gauge.builder(INDEX_SIZE, () -> size).description("articles in the live content index").register(meters);
  }

  /** Applies one batch of catalog changes (after they are in Redis) and writes the new neighbours. */
  public synchronized void apply(List<CatalogChange> changes) {
    long now = clock.millis();
    if (!seeded) {
      List<Article> recent = seed.newest(settings.maxArticles());
      recent.forEach(a -> index.put(a, now));
      seeded = true;
      log.info("live content index seeded with {} of {} recent catalog articles", index.size(), recent.size());
    }
    Set<String> changed = new LinkedHashSet<>();
    for (CatalogChange change : changes) {
      String id = change.articleId();
      if (change instanceof CatalogChange.Upsert u && u.article().servableAt(now) && index.put(u.article(), now)) {
        changed.add(id);
      } else {
        index.remove(id); // deleted, hidden, expired or too old: no longer anyone's neighbour
        changed.remove(id);
      }
    }
    // neighbours once the whole batch is indexed, so articles published together find each other
    Map<String, List<ContentNeighbour>> neighbours = new LinkedHashMap<>();
    for (String id : changed) {
      if (index.contains(id)) {
        neighbours.put(id, index.similar(id, settings.topK(), settings.minScore()));
      }
    }
    size = index.size();
    writer.write(neighbours);
  }
}
