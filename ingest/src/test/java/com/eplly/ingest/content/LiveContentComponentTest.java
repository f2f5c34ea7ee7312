package com.eplly.ingest.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.support.EmbeddedRedisExtension;
import com.eplly.ingest.support.LiveIngestTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * Live content similarity against a real in-JVM KRaft broker and a real redis-server: the index is
 * seeded from a catalog already in Redis, and an article published on the topic gets its own
 * {@code similar:{id}} set and joins its neighbours' sets, every set capped and with a TTL.
 */
@LiveIngestTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "eplly.ingest.content.similar-cap=3",
    "eplly.ingest.content.similar-ttl=2h",
    "eplly.ingest.content.min-score=0.05"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAGE_VIEWS, Topics.PAGE_VIEWS_DLQ, Topics.ARTICLES, Topics.ARTICLES_DLQ})
class LiveContentComponentTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final long NOW = System.currentTimeMillis();

  /** Already in the catalog before ingest starts: only the seed can make it known to the index. */
  private static final Article EXISTING_BUDGET = article("old-budget", "Budget vote: what we know so far",
      "The budget vote has dominated politics coverage this week.", "politics", NOW - 3_600_000);
  private static final Article EXISTING_MARS = article("old-mars", "Mars sample return: what we know so far",
      "Analysts say the Mars sample return could shape the months ahead.", "science", NOW - 3_600_000);

  @BeforeAll
  static void catalogAlreadyInRedis() {
    try (RedisClient redis = RedisClient.create("localhost", EmbeddedRedisExtension.port())) {
      for (Article a : List.of(EXISTING_BUDGET, EXISTING_MARS)) {
        redis.hset(Keyspace.article(a.articleId()), ArticleHash.toHash(a));
        redis.zadd(Keyspace.latestArticles(), a.publishedAt(), a.articleId());
      }
    }
  }

  @Autowired KafkaTemplate<String, byte[]> kafka;
  @Autowired UnifiedJedis redis;
  @Autowired EventCodec codec;

  @Test
  void newArticlesGetNeighboursAndJoinTheirNeighboursCappedAndExpiring() throws Exception {
    publish(article("new-budget-1", "Live updates on the budget vote",
        "Officials are expected to comment on the budget vote later today.", "politics", NOW));
    String ownKey = Keyspace.liveSimilar("new-budget-1");
    String existingKey = Keyspace.liveSimilar(EXISTING_BUDGET.articleId());
    await().atMost(DEADLINE).until(() -> redis.exists(ownKey) && redis.exists(existingKey));

    // its own list: the seeded article of the same story, not the one of another section and story
    assertThat(members(ownKey)).containsExactly(EXISTING_BUDGET.articleId());
    double score = redis.zscore(ownKey, EXISTING_BUDGET.articleId());
    assertThat(score).isBetween(0.05, 1.0);
    // and it shows under that existing article, with the same cosine
    assertThat(members(existingKey)).containsExactly("new-budget-1");
    assertThat(redis.zscore(existingKey, "new-budget-1")).isEqualTo(score);
    assertThat(redis.exists(Keyspace.liveSimilar(EXISTING_MARS.articleId()))).isFalse();
    assertTtl(ownKey);
    assertTtl(existingKey);

    // four more arrivals on the story: the existing article's set keeps its 3 most similar
    for (int i = 2; i <= 5; i++) {
      publish(article("new-budget-" + i, "Budget vote " + "takes a surprising turn ".repeat(i - 1),
          "The budget vote has dominated politics coverage this week, and readers keep asking about it.",
          "politics", NOW + i));
    }
    // one pipeline writes the new article's own set first, then its neighbours' sets: wait for all of it
    // (the four may come in one batch or several; either way every set ends at its cap)
    await().atMost(DEADLINE).untilAsserted(() -> {
      assertThat(redis.zcard(Keyspace.liveSimilar("new-budget-5"))).isEqualTo(3);
      assertThat(redis.zcard(existingKey)).isEqualTo(3);
    });
    List<Tuple> kept = redis.zrevrangeWithScores(existingKey, 0, -1);
    assertThat(kept.get(2).getScore()).isLessThanOrEqualTo(kept.get(0).getScore());
    for (String key : redis.keys(Keyspace.liveSimilar("*"))) {
      assertThat(redis.zcard(key)).as(key).isLessThanOrEqualTo(3);
      assertTtl(key);
    }

    // a hidden article is no one's neighbour and gets no list
    publish(new Article("hidden-budget", "Budget vote: what we know so far", "https://example.org/h", "politics",
        NOW + 10, "The budget vote has dominated politics coverage this week.", List.of(), null, true));
    publish(article("new-mars", "Mars sample return: the winners and losers",
        "Our reporters followed the Mars sample return from the first hours.", "science", NOW + 11));
    await().atMost(DEADLINE).until(() -> redis.exists(Keyspace.liveSimilar("new-mars")));
    assertThat(redis.exists(Keyspace.liveSimilar("hidden-budget"))).isFalse();
    assertThat(members(existingKey)).doesNotContain("hidden-budget");
    assertThat(members(Keyspace.liveSimilar("new-mars"))).containsExactly(EXISTING_MARS.articleId());
  }

  private void publish(Article a) throws Exception {
    kafka.send(Topics.ARTICLES, a.articleId(), codec.encode(a)).get();
  }

  private List<String> members(String key) {
    return redis.zrevrange(key, 0, -1);
  }

  private void assertTtl(String key) {
    assertThat(redis.pttl(key)).as(key).isPositive().isLessThanOrEqualTo(Duration.ofHours(2).toMillis());
  }

  private static Article article(String id, String title, String summary, String category, long publishedAt) {
    return new Article(id, title, "https://example.org/" + id, category, publishedAt, summary, List.of(), null, false);
  }
}
