package com.eplly.bench.editorial;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The article's {@code hidden} flag set through the catalog topic, as the CMS sets it: ingest writes
 * the article and announces it, and the api instances drop their cached copy.
 */
final class HiddenFlag implements EditorialChange {

  private final HttpClient http;
  private final String api;
  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final KafkaProducer<String, byte[]> producer;

  HiddenFlag(HttpClient http, String api, String bootstrap) {
    this.http = http;
    this.api = api;
    this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
        new ByteArraySerializer());
  }

  @Override
  public String apply(String article) throws Exception {
    send(withHidden(current(article), true));
    return article;
  }

  @Override
  public void revert(String article, String handle) throws Exception {
    send(withHidden(current(article), false));
  }

  private Article current(String id) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(api + "/v1/articles/" + id)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET /v1/articles/" + id + " answered " + r.statusCode() + ": "
          + new String(r.body(), StandardCharsets.UTF_8));
    }
    if (codec.decodeArticle(r.body()) instanceof Decoded.Valid<Article> valid) {
      return valid.value();
    }
    throw new IllegalStateException("GET /v1/articles/" + id + " is not an article: " + new String(r.body(), StandardCharsets.UTF_8));
  }

  private static Article withHidden(Article a, boolean hidden) {
    return new Article(a.articleId(), a.title(), a.url(), a.category(), a.publishedAt(), a.summary(), a.tags(),
        a.expiresAt(), hidden);
  }

  private void send(Article a) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ARTICLES, a.articleId(), codec.encode(a))).get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    producer.close();
  }
}
