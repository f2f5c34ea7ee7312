package com.eplly.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.event.PageView;
import com.eplly.ingest.live.CoVisitPairs.Pair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoVisitPairsTest {

  private static PageView view(String session, String article) {
    return new PageView(UUID.randomUUID().toString(), "r-" + session, article, session, 1_700_000_000_000L, null, null);
  }

  @Test
  void pairsConsecutiveFirstReadsWithinEachSessionOnly() {
    List<PageView> views = List.of(
        view("s1", "a"), view("s2", "x"), view("s1", "b"), view("s2", "y"), view("s1", "c"), view("s1", "d"));

    List<Pair> pairs = CoVisitPairs.find(views, new HashMap<>(), 20);

    assertThat(pairs).containsExactly(new Pair("a", "b", 2), new Pair("x", "y", 3), new Pair("b", "c", 4),
        new Pair("c", "d", 5));
  }

  @Test
  void continuesFromTheSessionsEarlierReadsAndIgnoresRereads() {
    Map<String, SessionMemory.Recent> sessions = new HashMap<>();
    sessions.put("s1", SessionMemory.Recent.of(List.of("a")));
    sessions.put("s3", SessionMemory.Recent.of(List.of("q")));
    List<PageView> views = List.of(view("s1", "b"), view("s1", "b"), view("s3", "q"), view("s1", "c"), view("s1", "a"));

    List<Pair> pairs = CoVisitPairs.find(views, sessions, 20);

    assertThat(pairs).containsExactly(new Pair("a", "b", 0), new Pair("b", "c", 3));
    assertThat(sessions.get("s1").head()).isEqualTo("a");
    assertThat(sessions.get("s1").hashes()).hasSize(5);
  }

  @Test
  void oneSessionAddsAtMostOneToAPairHoweverOftenItAlternates() {
    List<PageView> views = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      views.add(view("attacker", i % 2 == 0 ? "a" : "x"));
    }
    assertThat(CoVisitPairs.find(views, new HashMap<>(), 20)).containsExactly(new Pair("a", "x", 1));
  }

  @Test
  void anArticleReadLongerAgoThanTheSessionCapCountsAgain() {
    List<PageView> views = List.of(view("s", "a"), view("s", "b"), view("s", "c"), view("s", "a"));
    assertThat(CoVisitPairs.find(views, new HashMap<>(), 2))
        .containsExactly(new Pair("a", "b", 1), new Pair("b", "c", 2), new Pair("c", "a", 3));
  }
}
