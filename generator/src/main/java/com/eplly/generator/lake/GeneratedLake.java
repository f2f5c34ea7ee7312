package com.eplly.generator.lake;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.generator.DemoDataGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Streams a generated portal ({@link DemoDataGenerator}) into an empty lake folder, in the layout
 * and record format ingest writes: page views keyed by reader, the catalog keyed by article and
 * filed under the hour of publication. Nothing is held in memory beyond one batch per partition.
 */
public final class GeneratedLake {

  /** As many partitions as the local stack's page-view topic. */
  public static final int PARTITIONS = 4;

  /** Records per partition per file batch: ingest's {@code max-poll-records}. */
  public static final int BATCH = 5_000;

  private static final long PROGRESS_EVERY = 1_000_000;

  private final Path root;
  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  public GeneratedLake(Path root) {
    this.root = root;
  }

  /** What was written. */
  public record Written(long pageViews, int articles, int files) {}

  /**
   * Writes the catalog, then the page views, reporting the page views written so far every
   * million to {@code progress}.
   *
   * @throws IllegalArgumentException when the lake folder already holds files
   */
  public Written write(DemoDataGenerator generator, LongConsumer progress) {
    requireEmpty();
    try {
      PartitionedFiles<Article> articles = new PartitionedFiles<>(root.resolve(LakeLayout.ARTICLES), PARTITIONS, BATCH,
          a -> partition(a.articleId()), Article::publishedAt, codec::encode);
      try (articles) {
        for (Article a : generator.articles()) {
          articles.add(a);
        }
      }
      PartitionedFiles<PageView> views = new PartitionedFiles<>(root.resolve(LakeLayout.PAGE_VIEWS), PARTITIONS, BATCH,
          v -> partition(v.readerId()), PageView::timestamp, codec::encode);
      try (views) {
        Iterator<PageView> it = generator.pageViews();
        while (it.hasNext()) {
          views.add(it.next());
          if (views.records() % PROGRESS_EVERY == 0) {
            progress.accept(views.records());
          }
        }
      }
      return new Written(views.records(), (int) articles.records(), articles.files() + views.files());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated lake under " + root + ": " + e.getMessage(), e);
    }
  }

  private void requireEmpty() {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> entries = Files.list(root)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException("lake folder " + root + " is not empty; generated data goes into a new folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  /** Stands in for Kafka's key partitioner: the same key always lands in the same partition. */
  private static int partition(String key) {
    return Math.floorMod(key.hashCode(), PARTITIONS);
  }
}
