package com.eplly.deploy.bench.fresh;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Article freshness: a new article is published on the {@code articles} topic; from the send, the
 * time until {@code GET /v1/articles} lists it and until it is recommended as {@code latest} to a
 * reader without history. The ranked sources in front of {@code latest} (trending, popular) are
 * excluded with {@code exclude=} so the list has room for the newest articles.
 */
public final class ArticleFreshness {

  /** Both measures over all rounds. */
  public record Result(Latencies listed, Latencies recommended) {}

  private static final int ARTICLES_LIMIT = 20;
  private static final int RECO_LIMIT = 30;

  private final ApiClient api;
  private final Producer<String, byte[]> producer;
  private final EventCodec codec;
  private final PrintStream out;

  public ArticleFreshness(ApiClient api, Producer<String, byte[]> producer, EventCodec codec, PrintStream out) {
    this.api = api;
    this.producer = producer;
    this.codec = codec;
    this.out = out;
  }

  /**
   * @param template an existing article whose category and shape the new ones copy
   */
  public Result run(Article template, int rounds, Duration deadline) {
    List<Poll.Outcome> listed = new ArrayList<>();
    List<Poll.Outcome> recommended = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      String reader = "fresh-reader-" + UUID.randomUUID();
      // What precedes "latest" for an empty history right now; excluded so latest items can show.
      List<String> ahead = api.recommendations(reader, RECO_LIMIT, List.of()).stream()
          .filter(it -> !it.reason().equals(Reason.LATEST.wireName())).map(ApiClient.Item::articleId).toList();
      String id = "fresh-" + UUID.randomUUID();
      long now = System.currentTimeMillis();
      Article a = new Article(id, "Freshness probe " + i + " " + id.substring(6, 14), "https://example.org/fresh/" + id,
          template.category(), now, "A new article published by the freshness benchmark.", List.of("freshness"), null, false);
      long start = System.nanoTime();
      producer.send(new ProducerRecord<>(Topics.ARTICLES, id, codec.encode(a)));
      producer.flush();
      List<Poll.Outcome> o = Poll.until(start, deadline, List.of(
          () -> api.latestArticleIds(ARTICLES_LIMIT).contains(id),
          () -> api.recommendations(reader, RECO_LIMIT, ahead).stream()
              .anyMatch(it -> it.articleId().equals(id) && it.reason().equals(Reason.LATEST.wireName()))));
      listed.add(o.get(0));
      recommended.add(o.get(1));
      if ((i + 1) % 5 == 0) {
        out.printf(Locale.ROOT, "  [article] %d / %d rounds%n", i + 1, rounds);
      }
    }
    return new Result(Latencies.of("new article in GET /v1/articles?limit=20", listed),
        Latencies.of("new article recommended as latest", recommended));
  }
}
