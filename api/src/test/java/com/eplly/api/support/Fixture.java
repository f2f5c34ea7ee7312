package com.eplly.api.support;

import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.VersionMetaFields;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * A hand-published model version and live state: article "cur" with model neighbours (one already
 * read by r-1, one hidden, one expired, one unknown), live co-visits, r-1's personal list,
 * trending, popular and latest, and {@link #VERSION} registered and active.
 */
public final class Fixture {

  public static final String VERSION = "v-it-1";

  private Fixture() {}

  public static void seed(UnifiedJedis redis) {
    long now = System.currentTimeMillis();
    long hourAgo = now - 3_600_000;
    article(redis, "cur", "world", hourAgo, null, false);
    article(redis, "read1", "science", hourAgo, null, false);
    article(redis, "n1", "science", hourAgo, null, false);
    article(redis, "n2", "health", hourAgo, null, false);
    article(redis, "n3", "science", hourAgo, null, false);
    article(redis, "hid", "health", hourAgo, null, true);
    article(redis, "exp", "health", hourAgo - 3_600_000, hourAgo, false);
    article(redis, "p1", "sport", hourAgo, null, false);
    article(redis, "t1", "world", hourAgo, null, false);
    article(redis, "pop1", "culture", hourAgo, null, false);
    article(redis, "l1", "tech", now - 60_000, null, false);

    redis.set(Keyspace.articleList(VERSION, "cur"), SuggestionListCodec.encode(List.of(
        new Suggestion("read1", 0.99, Reason.READ_TOGETHER),
        new Suggestion("n1", 0.9, Reason.READ_TOGETHER),
        new Suggestion("hid", 0.8, Reason.SIMILAR_CONTENT),
        new Suggestion("n2", 0.7, Reason.SIMILAR_CONTENT),
        new Suggestion("exp", 0.6, Reason.READ_TOGETHER),
        new Suggestion("ghost", 0.5, Reason.READ_TOGETHER))));
    redis.del(Keyspace.coVisits("cur"));
    redis.zadd(Keyspace.coVisits("cur"), Map.of("n3", 4.0, "n1", 9.0));
    redis.set(Keyspace.readerList(VERSION, "r-1"), SuggestionListCodec.encode(List.of(
        new Suggestion("p1", 0.5, Reason.SIMILAR_READERS))));
    redis.del(Keyspace.readerRecent("r-1"));
    redis.lpush(Keyspace.readerRecent("r-1"), "read1");
    redis.zadd(Keyspace.trending(now), Map.of("t1", 10.0, "cur", 50.0));
    redis.set(Keyspace.popularList(VERSION), SuggestionListCodec.encode(List.of(
        new Suggestion("pop1", 0.3, Reason.POPULAR))));
    redis.zadd(Keyspace.latestArticles(), Map.of("l1", (double) (now - 60_000), "cur", (double) hourAgo));
    redis.hset(Keyspace.versionMeta(VERSION), Map.of(VersionMetaFields.CREATED, "2026-01-01T00:00:00Z", VersionMetaFields.ARTICLE_LISTS, "1"));
    redis.zadd(Keyspace.versions(), now - 60_000, VERSION);
    redis.set(Keyspace.activeVersion(), VERSION);
  }

  public static void article(
      UnifiedJedis redis, String id, String category, long publishedAt, Long expiresAt, boolean hidden) {
    article(redis, new Article(id, "Headline " + id, "https://news.example/" + id, category, publishedAt,
        "Summary of " + id, List.of("tag"), expiresAt, hidden));
  }

  public static void article(UnifiedJedis redis, Article a) {
    redis.del(Keyspace.article(a.articleId()));
    redis.hset(Keyspace.article(a.articleId()), ArticleHash.toHash(a));
  }
}
