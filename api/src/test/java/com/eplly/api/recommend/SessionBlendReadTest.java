package com.eplly.api.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.support.SharedRedis;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * {@code eplly.recommend.session-blend} on a real redis-server: an article page whose session
 * read other articles gets the blend of their model lists, from Redis and then from the near cache.
 */
class SessionBlendReadTest {

  private static final String V = "v-blend";
  private static final String SESSION = "s-blend";

  private RedisClient redis;

  @BeforeEach
  void seed() {
    redis = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", SharedRedis.port())).build();
    redis.flushDB();
    // The session read "old", then "prev"; the page is "cur". "x" is in all three lists, so the blend
    // puts it first although "cur"'s own list ranks it last.
    redis.lpush(Keyspace.sessionRecent(SESSION), "old", "prev");
    redis.set(Keyspace.articleList(V, "cur"), list("c1", "c2", "x"));
    redis.set(Keyspace.articleList(V, "prev"), list("x", "p1"));
    redis.set(Keyspace.articleList(V, "old"), list("x", "o1"));
  }

  @AfterEach
  void close() {
    redis.close();
  }

  @ParameterizedTest(name = "near cache {0}")
  @ValueSource(booleans = {false, true})
  void anArticlePageWithSessionReadsBlendsTheirListsWhenOn(boolean cached) {
    CandidateReader on = reader(true);
    RecommendationQuery page = new RecommendationQuery("cur", null, SESSION, 6, Set.of());

    List<String> first = ids(on.read(V, page, System.currentTimeMillis(), 50, cached).articleNeighbours());
    redis.del(Keyspace.articleList(V, "prev"), Keyspace.articleList(V, "old"));
    List<String> again = ids(on.read(V, page, System.currentTimeMillis(), 50, cached).articleNeighbours());

    // weights: cur 1, prev 1/2, old 1/3; by rank (n - r) / n within each list
    assertThat(first).containsExactly("x", "c1", "c2", "p1", "o1");
    // the near cache keeps the other reads' lists, as it keeps the current article's
    assertThat(again).isEqualTo(cached ? first : List.of("c1", "c2", "x"));
    assertThat(ids(reader(false).read(V, page, System.currentTimeMillis(), 50, false).articleNeighbours()))
        .containsExactly("c1", "c2", "x");
  }

  @ParameterizedTest(name = "session reads {0}")
  @ValueSource(strings = {"none", "only the current article"})
  void aPageWithoutOtherSessionReadsKeepsItsOwnList(String reads) {
    redis.del(Keyspace.sessionRecent(SESSION));
    if (!reads.equals("none")) {
      redis.lpush(Keyspace.sessionRecent(SESSION), "cur");
    }
    RecommendationQuery page = new RecommendationQuery("cur", null, SESSION, 6, Set.of());

    assertThat(ids(reader(true).read(V, page, System.currentTimeMillis(), 50, false).articleNeighbours()))
        .containsExactly("c1", "c2", "x");
  }

  private CandidateReader reader(boolean sessionBlend) {
    EpllyProperties properties = new Binder(new MapConfigurationPropertySource(
        Map.of("eplly.recommend.session-blend", String.valueOf(sessionBlend))))
        .bindOrCreate("eplly", EpllyProperties.class);
    return new CandidateReader(redis, new NearCache(properties), properties);
  }

  private static String list(String... ids) {
    return SuggestionListCodec.encode(Arrays.stream(ids)
        .map(id -> new Suggestion(id, 1.0, Reason.READ_TOGETHER)).toList());
  }

  private static List<String> ids(List<Suggestion> list) {
    return list.stream().map(Suggestion::articleId).toList();
  }
}
