package com.eplly.contracts.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyspaceTest {

  @Test
  void versionedKeysAreUnderTheirVersionPattern() {
    String prefix = Keyspace.versionPattern("v1").replace("*", "");
    assertTrue(Keyspace.articleList("v1", "a-1").startsWith(prefix));
    assertTrue(Keyspace.readerList("v1", "r-1").startsWith(prefix));
    assertTrue(Keyspace.popularList("v1").startsWith(prefix));
    assertTrue(Keyspace.versionMeta("v1").startsWith(prefix));
    assertNotEquals(Keyspace.articleList("v1", "x"), Keyspace.readerList("v1", "x"));
  }

  @Test
  void perArticleKeysOfDifferentOwnersNeverCollide() {
    List<String> keys = List.of(Keyspace.article("a-1"), Keyspace.coVisits("a-1"), Keyspace.liveSimilar("a-1"),
        Keyspace.articleList("v1", "a-1"));
    assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
  }

  @Test
  void trendingBucketsAreFiveMinutesWide() {
    long t = Instant.parse("2026-11-27T12:03:00Z").toEpochMilli();
    assertEquals(Keyspace.trending(t), Keyspace.trending(t + 119_999));
    assertNotEquals(Keyspace.trending(t), Keyspace.trending(t + 120_000));
  }

  @Test
  void trendingWindowListsNewestBucketFirst() {
    long t = Instant.parse("2026-11-27T12:03:00Z").toEpochMilli();
    List<String> window = Keyspace.trendingWindow(t, 3);
    assertEquals(List.of(Keyspace.trending(t), Keyspace.trending(t - 300_000), Keyspace.trending(t - 600_000)), window);
  }
}
