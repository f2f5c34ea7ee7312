package com.eplly.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionHeadsTest {

  private static final long TTL = 1_000;

  @Test
  void knowsTheNewestArticleWrittenUntilItsListWouldHaveExpired() {
    SessionHeads heads = new SessionHeads(10, TTL);
    heads.remember(Map.of("s1", "a", "s2", "b"), 5_000);
    heads.remember(Map.of("s1", "c"), 5_500);

    Map<String, String> found = new HashMap<>();
    assertThat(heads.lookUp(List.of("s1", "s2", "s3"), 5_900, found)).containsExactly("s3");
    assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("s1", "c", "s2", "b"));

    found.clear(); // s2's list expired in Redis at 6 000; s1's was refreshed at 5 500
    assertThat(heads.lookUp(List.of("s1", "s2"), 6_000, found)).containsExactly("s2");
    assertThat(found).containsExactly(Map.entry("s1", "c"));
  }

  @Test
  void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
    SessionHeads heads = new SessionHeads(2, TTL);
    heads.remember(Map.of("s1", "a"), 0);
    heads.remember(Map.of("s2", "b"), 0);
    heads.lookUp(List.of("s1"), 0, new HashMap<>()); // s1 used: s2 is now the eldest
    heads.remember(Map.of("s3", "c"), 0);

    assertThat(heads.lookUp(List.of("s1", "s2", "s3"), 0, new HashMap<>())).containsExactly("s2");
  }

  @Test
  void forgetsEverythingWhenPartitionsChangeOwner() {
    SessionHeads heads = new SessionHeads(10, TTL);
    heads.remember(Map.of("s1", "a"), 0);
    heads.clear();
    assertThat(heads.lookUp(List.of("s1"), 0, new HashMap<>())).containsExactly("s1");
  }
}
