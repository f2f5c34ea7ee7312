package com.eplly.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.support.EmbeddedRedisExtension;
import com.eplly.ingest.support.EmptyRedisTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Every applied catalog batch is announced on the changes channel, after its writes: a subscriber
 * that reads an announced article finds the new hash (so an api instance that drops its cached copy
 * on the notice reloads the hidden flag, not the old one). Against a real redis-server.
 */
class CatalogNoticeTest extends EmptyRedisTest {

  private final BlockingQueue<String> notices = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> hiddenOnNotice = new LinkedBlockingQueue<>();
  private UnifiedJedis subscriberClient;
  private UnifiedJedis reader;
  private JedisPubSub subscriber;
  private Thread listening;

  @BeforeEach
  void subscribe() throws InterruptedException {
    subscriberClient = RedisClient.create("127.0.0.1", EmbeddedRedisExtension.port());
    reader = RedisClient.create("127.0.0.1", EmbeddedRedisExtension.port());
    CountDownLatch subscribed = new CountDownLatch(1);
    subscriber = new JedisPubSub() {
      @Override
      public void onSubscribe(String channel, int count) {
        subscribed.countDown();
      }

      @Override
      public void onMessage(String channel, String message) {
        ChangeNotice notice = ChangeNotice.parse(message);
        if (notice.kind() == ChangeNotice.Kind.ARTICLES) {
          hiddenOnNotice.add(String.valueOf(reader.hget(Keyspace.article(notice.articleIds().get(0)), ArticleHash.HIDDEN)));
        }
        notices.add(message);
      }
    };
    listening = new Thread(() -> subscriberClient.subscribe(subscriber, Keyspace.changesChannel()));
    listening.start();
    assertThat(subscribed.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @AfterEach
  void unsubscribe() throws InterruptedException {
    subscriber.unsubscribe();
    listening.join(5_000);
    subscriberClient.close();
    reader.close();
  }

  @Test
  void aBatchIsAnnouncedAfterItsWrites() throws InterruptedException {
    CatalogWriter writer = writer();
    writer.apply(List.of(upsert("a-1", false), upsert("a-2", false)));
    assertThat(notices.poll(5, TimeUnit.SECONDS)).isEqualTo("articles a-1 a-2");

    writer.apply(List.of(upsert("a-1", true)));
    assertThat(notices.poll(5, TimeUnit.SECONDS)).isEqualTo("articles a-1");
    hiddenOnNotice.poll(5, TimeUnit.SECONDS); // the first batch's
    assertThat(hiddenOnNotice.poll(5, TimeUnit.SECONDS)).as("the hidden flag a subscriber reads on the notice")
        .isEqualTo("1");

    writer.apply(List.of(new CatalogChange.Delete("a-2")));
    assertThat(notices.poll(5, TimeUnit.SECONDS)).isEqualTo("articles a-2");
  }

  @Test
  void aBigBatchIsAnnouncedAsTheWholeCatalog() throws InterruptedException {
    writer().apply(IntStream.range(0, ChangeNotice.MAX_NAMED_ARTICLES + 1).mapToObj(i -> upsert("a-" + i, false))
        .map(CatalogChange.class::cast).toList());
    assertThat(notices.poll(5, TimeUnit.SECONDS)).isEqualTo("catalog");
  }

  private CatalogWriter writer() {
    IngestProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("eplly", IngestProperties.class);
    return new CatalogWriter(redis, properties, Clock.systemUTC());
  }

  private static CatalogChange upsert(String id, boolean hidden) {
    return new CatalogChange.Upsert(new Article(id, "Headline " + id, "https://news.example/" + id, "science",
        System.currentTimeMillis() - 60_000, null, List.of("tag"), null, hidden));
  }
}
