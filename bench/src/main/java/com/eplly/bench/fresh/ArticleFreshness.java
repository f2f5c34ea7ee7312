package com.eplly.bench.fresh;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.deploy.client.ApiClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Article freshness: a new article, a follow-up on the story of an existing one (its title and
 * summary, same section), is published on the {@code articles} topic; from the send, the time
 * until {@code GET /v1/articles} lists it, until it is recommended as {@code latest} to a reader
 * without history, until it is recommended as {@code similar-content} under the existing article,
 * and until its own recommendations hold {@code similar-content} items (no training has seen it,
 * so those come from ingest's live content index). The ranked sources in front of {@code latest}
 * (trending, popular) are excluded with {@code exclude=} so the list has room for the newest articles.
 */
public final class ArticleFreshness {

  /** The four measures over all rounds. */
  public record Result(Latencies listed, Latencies recommended, Latencies underRelated, Latencies ownSimilar) {

    public List<Latencies> all() {
      return List.of(listed, recommended, underRelated, ownSimilar);
    }
  }

  private static final int ARTICLES_LIMIT = 20;
  private static final int RECO_LIMIT = 30;
  /** Items asked for under the related article: the portal's block is about this size. */
  private static final int RELATED_LIMIT = 10;
  private static final String SIMILAR = Reason.SIMILAR_CONTENT.wireName();

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
   * @param related servable existing articles; round i follows up on the i-th (cycling)
   */
  public Result run(List<Article> related, int rounds, Duration deadline) {
    List<Poll.Outcome> listed = new ArrayList<>();
    List<Poll.Outcome> recommended = new ArrayList<>();
    List<Poll.Outcome> underRelated = new ArrayList<>();
    List<Poll.Outcome> ownSimilar = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      Article template = related.get(i % related.size());
      String reader = "fresh-reader-" + UUID.randomUUID();
      // What precedes "latest" for an empty history right now; excluded so latest items can show.
      List<String> ahead = api.recommendations(null, reader, RECO_LIMIT, List.of()).requireOk().items().stream()
          .filter(it -> !it.reason().equals(Reason.LATEST.wireName())).map(ApiClient.Item::articleId).toList();
      String id = "fresh-" + UUID.randomUUID();
      long now = System.currentTimeMillis();
      Article a = new Article(id, "Follow-up: " + template.title(), "https://example.org/fresh/" + id,
          template.category(), now, template.summary(), template.tags(), null, false);
      long start = System.nanoTime();
      producer.send(new ProducerRecord<>(Topics.ARTICLES, id, codec.encode(a)));
      producer.flush();
      List<Poll.Outcome> o = Poll.until(start, deadline, List.of(
          () -> api.latestArticleIds(ARTICLES_LIMIT).contains(id),
          () -> api.recommendations(null, reader, RECO_LIMIT, ahead).requireOk().items().stream()
              .anyMatch(it -> it.articleId().equals(id) && it.reason().equals(Reason.LATEST.wireName())),
          () -> api.recommendations(template.articleId(), null, RELATED_LIMIT).requireOk().items().stream()
              .anyMatch(it -> it.articleId().equals(id) && it.reason().equals(SIMILAR)),
          () -> api.recommendations(id, null, RELATED_LIMIT).requireOk().items().stream().anyMatch(it -> it.reason().equals(SIMILAR))));
      listed.add(o.get(0));
      recommended.add(o.get(1));
      underRelated.add(o.get(2));
      ownSimilar.add(o.get(3));
      if ((i + 1) % 5 == 0) {
        out.printf(Locale.ROOT, "  [article] %d / %d rounds%n", i + 1, rounds);
      }
    }
    return new Result(Latencies.of("new article in GET /v1/articles?limit=20", listed),
        Latencies.of("new article recommended as latest", recommended),
        Latencies.of("new article similar-content under related", underRelated),
        Latencies.of("new article's own list has similar-content", ownSimilar));
  }
}
