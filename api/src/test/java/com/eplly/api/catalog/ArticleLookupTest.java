package com.eplly.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.BoundProperties;
import com.eplly.api.support.Fixture;
import com.eplly.api.support.SharedRedis;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The article cache on a real redis-server, its time moved by hand: a notice drops an entry at
 * once; without one, an entry past its TTL is still served, once, while it is read again in the
 * background; one nobody read for {@link ArticleLookup#UNREAD_LIFETIMES} TTLs is read on demand.
 */
class ArticleLookupTest {

  private static final long HOUR_AGO = Instant.parse("2026-12-01T09:00:00Z").toEpochMilli();

  private final UnifiedJedis redis = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", SharedRedis.port())).build();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final ArticleLookup lookup =
      new ArticleLookup(redis, BoundProperties.bind(Map.of("eplly.recommend.article-cache-ttl", "30s")), clock);

  @AfterEach
  void close() {
    redis.del("article:lk-1", "article:lk-2");
    redis.close();
  }

  @Test
  void aNoticeDropsAnEntryAtOnce() {
    Fixture.article(redis, "lk-1", "science", HOUR_AGO, null, false);
    assertThat(lookup.find(List.of("lk-1")).get("lk-1").hidden()).isFalse();

    Fixture.article(redis, "lk-1", "science", HOUR_AGO, null, true);
    assertThat(lookup.find(List.of("lk-1")).get("lk-1").hidden()).as("cached").isFalse();
    lookup.changed(ChangeNotice.articles(List.of("lk-1")));

    assertThat(lookup.find(List.of("lk-1")).get("lk-1").hidden()).isTrue();
  }

  @Test
  void pastItsTtlAnEntryIsServedOnceMoreWhileReadAgainInTheBackground() throws Exception {
    Fixture.article(redis, "lk-1", "science", HOUR_AGO, null, false);
    lookup.find(List.of("lk-1"));
    Fixture.article(redis, "lk-1", "science", HOUR_AGO, null, true);  // a change whose notice was lost

    clock.advance(Duration.ofSeconds(29));
    assertThat(lookup.find(List.of("lk-1")).get("lk-1").hidden()).as("within the TTL").isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(lookup.find(List.of("lk-1")).get("lk-1").hidden()).as("the read that starts the refresh").isFalse();

    assertThat(eventually(() -> lookup.cached(List.of("lk-1")).get("lk-1"))).isNotNull()
        .extracting(Article::hidden).isEqualTo(true);
  }

  @Test
  void anEntryNobodyReadExpiresAndIsReadOnDemand() {
    Fixture.article(redis, "lk-2", "science", HOUR_AGO, null, false);
    lookup.find(List.of("lk-2"));
    Fixture.article(redis, "lk-2", "health", HOUR_AGO, null, false);

    clock.advance(Duration.ofSeconds(30L * ArticleLookup.UNREAD_LIFETIMES + 1));

    assertThat(lookup.cached(List.of("lk-2"))).isEmpty();
    assertThat(lookup.find(List.of("lk-2")).get("lk-2").category()).isEqualTo("health");
  }

  /** The value once the background refresh has landed (bounded: 5 s). */
  private static Article eventually(java.util.function.Supplier<Article> read) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Article a = read.get();
    while ((a == null || !a.hidden()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      a = read.get();
    }
    return a;
  }
}
