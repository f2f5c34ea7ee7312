package com.eplly.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.support.EmptyRedisTest;
import com.eplly.ingest.support.LiveStateSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A chunk summed into one operation per key (one push per list with all its items, one increment per
 * member, the newest time per session) leaves exactly what applying its views one by one leaves:
 * the same keys, values and expiries, on a real redis-server. The lists are small enough here that
 * their caps trim; the sorted sets' caps are not reached, because which member a full set drops
 * depends on when it is trimmed.
 */
@Tag("slow")
class LiveAggregationTest extends EmptyRedisTest {

  private static final long NOW = System.currentTimeMillis();
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
  /** Expiries are compared to the second: the two runs set them a few milliseconds apart. */
  private static final long TTL_SLACK_MS = 1_000;

  @Test
  void aChunkSummedPerKeyLeavesWhatItsViewsOneByOneLeave() {
    List<LiveEvent> events = events(2_000, 5L);

    writer(1).apply(events); // one view per script call: per-event application
    Map<String, Object> oneByOne = LiveStateSnapshot.of(redis);
    Map<String, Long> oneByOneTtls = ttls();

    redis.flushAll();
    writer(1_000).apply(events);

    assertThat(LiveStateSnapshot.of(redis)).isEqualTo(oneByOne);
    Map<String, Long> ttls = ttls();
    assertThat(ttls.keySet()).isEqualTo(oneByOneTtls.keySet());
    ttls.forEach((key, ttl) -> assertThat(ttl).as(key).isCloseTo(oneByOneTtls.get(key), Offset.offset(TTL_SLACK_MS)));
    // the run exercised what it claims to: trimmed lists, summed counts, short- and long-lived reader lists
    assertThat(redis.llen(Keyspace.sessionRecent("s-0-0"))).isEqualTo(4);
    assertThat(oneByOne.keySet()).anyMatch(k -> k.equals(Keyspace.trending(NOW)));
    assertThat(oneByOneTtls.values()).anyMatch(t -> t > 0 && t <= 86_400_000L).anyMatch(t -> t > 86_400_000L);
  }

  @Test
  void aKeyOfAnotherTypeIsReplacedAndTheChunkStillApplies() {
    List<LiveEvent> events = events(300, 11L);
    writer(100).apply(events);
    Map<String, Object> expected = LiveStateSnapshot.of(redis);

    redis.flushAll();
    redis.set(Keyspace.trending(NOW), "a stray string");  // written by the script, so replaced inside it
    writer(100).apply(events);

    assertThat(redis.type(Keyspace.trending(NOW))).isEqualTo("zset");
    assertThat(LiveStateSnapshot.of(redis)).isEqualTo(expected);
  }

  @Test
  void aReplayedChunkAddsNothing() {
    List<LiveEvent> events = events(600, 9L);
    LiveStateWriter writer = writer(200);
    writer.apply(events);
    Map<String, Object> once = LiveStateSnapshot.of(redis);

    LiveStateWriter.Result again = writer(200).apply(events);

    assertThat(again.alreadyApplied()).isEqualTo(events.size());
    assertThat(LiveStateSnapshot.of(redis)).isEqualTo(once);
  }

  /** Readers with several sessions over two partitions, re-reads included; a few views old enough to skip trending. */
  private static List<LiveEvent> events(int count, long seed) {
    Random random = new Random(seed);
    long[] nextOffset = new long[2];
    List<LiveEvent> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int reader = random.nextInt(60);
      int partition = reader % 2;
      String article = "a-" + random.nextInt(30);
      long time = i % 50 == 0 ? NOW - 5 * 3_600_000L : NOW - random.nextInt(3_600_000);
      PageView v = new PageView("e-" + i, "r-" + reader, article, "s-" + reader % 3 + "-" + (i / 400), time, null, null);
      out.add(new LiveEvent(partition, nextOffset[partition]++, v));
    }
    // one reader who reads once only, so that the short first-read lifetime shows
    out.add(new LiveEvent(0, nextOffset[0], new PageView("e-once", "r-once", "a-1", "s-once", NOW, null, null)));
    return out;
  }

  private LiveStateWriter writer(int eventsPerScript) {
    Map<String, String> props = new HashMap<>();
    props.put("eplly.ingest.live.max-events-per-script", Integer.toString(eventsPerScript));
    props.put("eplly.ingest.live.reader-recent-cap", "6");
    props.put("eplly.ingest.live.session-recent-cap", "4");
    IngestProperties properties = new Binder(new MapConfigurationPropertySource(props))
        .bindOrCreate("eplly", IngestProperties.class);
    return new LiveStateWriter(redis, properties, CLOCK);
  }

  private Map<String, Long> ttls() {
    Map<String, Long> ttls = new TreeMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, new ScanParams().count(500));
      for (String key : page.getResult()) {
        if (!redis.type(key).equals("hash")) { // the watermarks differ between runs by design
          ttls.put(key, redis.pttl(key));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return ttls;
  }
}
