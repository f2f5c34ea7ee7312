package com.eplly.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.support.EmbeddedRedisExtension;
import com.eplly.ingest.support.EmptyRedisTest;
import com.eplly.ingest.support.LiveStateSnapshot;
import com.eplly.ingest.support.ReplyDroppingProxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The live state is exactly once in effect: after retries with other batch boundaries, a restart
 * that replays uncommitted views, and a reply lost after Redis ran the update, Redis holds exactly
 * what one clean run leaves. Against a real redis-server; the lost reply through a real TCP proxy.
 */
@Tag("slow")
class LiveStateExactlyOnceTest extends EmptyRedisTest {

  // Redis expires trending buckets by its own clock, so the fixed clock starts from the real time
  private static final long NOW = System.currentTimeMillis();
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  @Test
  void retriesWithOtherBoundariesAndReplaysAfterARestartCountNothingTwice() {
    List<LiveEvent> events = events(600, 7L);
    writer(redis).apply(events);
    Map<String, Object> clean = liveState();

    redis.flushAll();
    LiveStateWriter crashed = writer(redis);
    crashed.apply(events.subList(0, 230)); // applied, then the lake write failed: offsets not committed
    crashed.apply(events.subList(0, 410)); // the retry's poll brought more records
    writer(redis).apply(events);           // a restarted process replays everything uncommitted

    assertThat(liveState()).isEqualTo(clean);
  }

  @Test
  void aReplyLostAfterRedisRanTheUpdateIsNotCountedAgain() {
    List<LiveEvent> events = events(400, 11L);
    writer(redis).apply(events);
    Map<String, Object> clean = liveState();

    redis.flushAll();
    try (ReplyDroppingProxy proxy = new ReplyDroppingProxy(EmbeddedRedisExtension.port());
        UnifiedJedis viaProxy = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", proxy.port()))
            .clientConfig(DefaultJedisClientConfig.builder().socketTimeoutMillis(300).build()).build()) {
      LiveStateWriter writer = writer(viaProxy);
      writer.apply(events.subList(0, 100));
      proxy.dropReplies(true);
      assertThatThrownBy(() -> writer.apply(events.subList(100, 400))).isInstanceOf(RuntimeException.class);
      proxy.dropReplies(false);
      writer.apply(events.subList(100, 400));
    }

    assertThat(liveState()).isEqualTo(clean);
  }

  @Test
  void viewsDatedAheadOfTheClockStayOutOfTheLiveState() {
    PageView ahead = new PageView("e-1", "r-1", "a-1", "s-1", NOW + 3_600_000L, null, null);
    PageView justAhead = new PageView("e-2", "r-1", "a-2", "s-1", NOW + 60_000L, null, null);

    LiveStateWriter.Result result = writer(redis).apply(List.of(new LiveEvent(0, 1, ahead), new LiveEvent(0, 2, justAhead)));

    assertThat(result.futureIgnored()).isEqualTo(1);
    assertThat(redis.exists(Keyspace.trending(ahead.timestamp()))).isFalse();
    assertThat(redis.lrange(Keyspace.readerRecent("r-1"), 0, -1)).containsExactly("a-2");
  }

  @Test
  void trendingBucketsAreCappedAndOneOffReadersExpireSoon() {
    List<LiveEvent> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) { // 30 articles, a-0 read most
      for (int n = 0; n <= (i == 0 ? 5 : 1); n++) {
        events.add(new LiveEvent(0, events.size(), new PageView("e-" + events.size(), "once-" + events.size(),
            "a-" + i, "s-" + events.size(), NOW, null, null)));
      }
    }
    events.add(new LiveEvent(0, events.size(), new PageView("e-x", "once-0", "a-1", "s-0", NOW, null, null)));

    writer(redis, Map.of("eplly.ingest.live.trending-cap", "10")).apply(events);

    String bucket = Keyspace.trending(NOW);
    assertThat(redis.zcard(bucket)).isEqualTo(10);
    assertThat(redis.zscore(bucket, "a-0")).isEqualTo(6.0);
    assertThat(redis.pttl(Keyspace.readerRecent("once-1"))).isBetween(1L, 86_400_000L);
    assertThat(redis.pttl(Keyspace.readerRecent("once-0"))).isGreaterThan(86_400_000L); // read twice: 30 days
  }

  @Test
  void aKeyOfAnotherTypeIsReplacedNotLeftToStallThePartition() {
    PageView view = new PageView("e-1", "r-1", "a-1", "s-1", NOW, null, null);
    redis.set(Keyspace.readerRecent("r-1"), "stray");

    writer(redis).apply(List.of(new LiveEvent(0, 5, view)));

    assertThat(redis.lrange(Keyspace.readerRecent("r-1"), 0, -1)).containsExactly("a-1");
    assertThat(redis.zscore(Keyspace.trending(NOW), "a-1")).isEqualTo(1.0);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Readers in sessions over two partitions, with re-reads and shared articles, in offset order per partition. */
  private static List<LiveEvent> events(int count, long seed) {
    Random random = new Random(seed);
    long[] nextOffset = new long[2];
    List<LiveEvent> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int reader = random.nextInt(40);
      int partition = reader % 2;
      String article = "a-" + random.nextInt(25);
      PageView v = new PageView("e-" + i, "r-" + reader, article, "s-" + reader + "-" + (i / 150),
          NOW - random.nextInt(3_600_000), null, null);
      out.add(new LiveEvent(partition, nextOffset[partition]++, v));
    }
    return out;
  }

  private static LiveStateWriter writer(UnifiedJedis client) {
    return writer(client, Map.of());
  }

  private static LiveStateWriter writer(UnifiedJedis client, Map<String, String> overrides) {
    Map<String, String> props = new HashMap<>(Map.of("eplly.ingest.live.max-events-per-script", "50"));
    props.putAll(overrides);
    IngestProperties properties = new Binder(new MapConfigurationPropertySource(props))
        .bindOrCreate("eplly", IngestProperties.class);
    return new LiveStateWriter(client, properties, CLOCK);
  }

  private Map<String, Object> liveState() {
    Map<String, Object> state = LiveStateSnapshot.of(redis);
    assertThat(state).isNotEmpty();
    return state;
  }

}
