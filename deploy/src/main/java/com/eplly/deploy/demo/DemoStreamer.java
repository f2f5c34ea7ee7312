package com.eplly.deploy.demo;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Streams generated data to Kafka the way the portal would: the catalog to {@link Topics#ARTICLES}
 * keyed by articleId, page views to {@link Topics#PAGE_VIEWS} keyed by readerId, with progress lines.
 */
public final class DemoStreamer {

  private final Producer<String, byte[]> producer;
  private final EventCodec codec;
  private final PrintStream progress;
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

  public DemoStreamer(Producer<String, byte[]> producer, EventCodec codec, PrintStream progress) {
    this.producer = producer;
    this.codec = codec;
    this.progress = progress;
  }

  /** Sends the whole catalog and waits until the broker has acknowledged it; returns the count. */
  public long sendArticles(List<Article> articles) {
    for (Article a : articles) {
      send(new ProducerRecord<>(Topics.ARTICLES, a.articleId(), codec.encode(a)));
    }
    finish();
    progress.printf("      %,d articles sent to %s%n", articles.size(), Topics.ARTICLES);
    return articles.size();
  }

  /**
   * Sends page views and waits until the broker has acknowledged all of them.
   *
   * @param expected the number the iterator will yield, for progress percentages (0 if unknown)
   * @return how many were sent
   */
  public long sendPageViews(Iterator<PageView> views, long expected) {
    long sent = 0;
    long step = Math.max(1, expected > 0 ? expected / 5 : 10_000);
    while (views.hasNext()) {
      PageView v = views.next();
      send(new ProducerRecord<>(Topics.PAGE_VIEWS, v.readerId(), codec.encode(v)));
      sent++;
      if (sent % step == 0) {
        progress.printf("      %,d%s page views sent%n", sent, expected > 0 ? " / " + String.format("%,d", expected) : "");
      }
    }
    finish();
    progress.printf("      %,d page views sent to %s%n", sent, Topics.PAGE_VIEWS);
    return sent;
  }

  private void send(ProducerRecord<String, byte[]> record) {
    producer.send(record, (meta, e) -> {
      if (e != null) {
        firstFailure.compareAndSet(null, e);
      }
    });
  }

  private void finish() {
    producer.flush();
    Exception e = firstFailure.get();
    if (e != null) {
      throw new IllegalStateException("Kafka rejected demo records: " + e.getMessage(), e);
    }
  }
}
