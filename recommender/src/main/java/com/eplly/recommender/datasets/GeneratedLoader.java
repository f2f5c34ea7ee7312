package com.eplly.recommender.datasets;

import com.eplly.contracts.event.Article;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's own seeded demo portal ({@link DemoDataGenerator}): synthetic, so its metrics
 * test the pipeline, never recommendation quality.
 */
public final class GeneratedLoader {

  /** A fixed end time: the same seed and size always give the same data. */
  static final long END = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

  /** Catalog and reader counts grow with the number of page views, as on a real portal. */
  public static DemoConfig config(long seed, int pageViews) {
    int articles = Math.max(200, pageViews / 75);
    int readers = Math.max(300, pageViews / 12);
    return new DemoConfig(seed, articles, readers, pageViews, END, Duration.ofDays(3));
  }

  public InteractionData load(long seed, int pageViews) {
    DemoDataGenerator generator = new DemoDataGenerator(config(seed, pageViews));
    List<Interaction> out = new ArrayList<>(pageViews);
    generator.pageViews().forEachRemaining(v ->
        out.add(new Interaction(v.readerId(), v.sessionId(), v.articleId(), v.timestamp())));
    List<CatalogItem> catalog = new ArrayList<>();
    for (Article a : generator.articles()) {
      catalog.add(new CatalogItem(a.articleId(), a.title(), a.summary() == null ? "" : a.summary(), a.category(),
          a.publishedAt()));
    }
    return new InteractionData("generated", "DemoDataGenerator seed " + seed + ", " + pageViews + " page views",
        out, catalog);
  }
}
