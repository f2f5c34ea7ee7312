package com.eplly.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.support.EmptyRedisTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import redis.clients.jedis.resps.Tuple;

/**
 * The live-state update keeps each reader's sessions (what an erasure must find): the newest ones
 * up to the cap, scored by their newest read, never lowered by an older view, with the session
 * lists' lifetime. Against a real redis-server.
 */
class ReaderSessionsTest extends EmptyRedisTest {

  private static final long NOW = System.currentTimeMillis();

  @Test
  void keepsTheNewestSessionsOfAReaderWithTheSessionListsLifetime() {
    LiveStateWriter writer = writer();
    writer.apply(List.of(
        view(0, "s-old", NOW - 30_000),
        view(1, "s-mid", NOW - 20_000),
        view(2, "s-new", NOW - 10_000),
        view(3, "s-mid", NOW - 5_000)));

    List<Tuple> sessions = redis.zrangeWithScores(Keyspace.readerSessions("r-1"), 0, -1);
    assertThat(sessions).extracting(Tuple::getElement).containsExactly("s-new", "s-mid");
    assertThat(sessions).extracting(Tuple::getScore).containsExactly((double) NOW - 10_000, (double) NOW - 5_000);
    long ttl = redis.pttl(Keyspace.readerSessions("r-1"));
    assertThat(ttl).isBetween(Duration.ofMinutes(110).toMillis(), Duration.ofHours(2).toMillis());

    // a later batch with an older view of a kept session (a replay from another partition) lowers nothing
    writer.apply(List.of(view(4, "s-new", NOW - 60_000)));
    assertThat(redis.zscore(Keyspace.readerSessions("r-1"), "s-new")).isEqualTo((double) NOW - 10_000);
  }

  private static LiveEvent view(long offset, String session, long at) {
    return new LiveEvent(0, offset, new PageView(UUID.randomUUID().toString(), "r-1", "a-" + offset, session, at,
        null, null));
  }

  private LiveStateWriter writer() {
    IngestProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
        "eplly.ingest.live.reader-sessions-cap", "2", "eplly.ingest.live.session-recent-ttl", "2h")))
        .bindOrCreate("eplly", IngestProperties.class);
    return new LiveStateWriter(redis, properties, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
  }
}
