package com.eplly.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.event.PageView;
import com.eplly.ingest.live.CoVisitPairs.Pair;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoVisitPairsTest {

  private static PageView view(String session, String article) {
    return new PageView(UUID.randomUUID().toString(), "r-" + session, article, session, 1_700_000_000_000L, null, null);
  }

  @Test
  void pairsConsecutiveReadsWithinEachSessionOnly() {
    List<PageView> views = List.of(
        view("s1", "a"), view("s2", "x"), view("s1", "b"), view("s2", "y"), view("s1", "c"), view("s1", "b"));

    Map<Pair, Long> pairs = CoVisitPairs.count(views, Map.of());

    assertThat(pairs).containsExactly(
        Map.entry(new Pair("a", "b"), 1L),
        Map.entry(new Pair("x", "y"), 1L),
        Map.entry(new Pair("b", "c"), 1L),
        Map.entry(new Pair("c", "b"), 1L));
  }

  @Test
  void continuesFromTheSessionHeadOfEarlierBatchesAndIgnoresRereads() {
    List<PageView> views = List.of(view("s1", "b"), view("s1", "b"), view("s3", "q"), view("s1", "c"));

    Map<Pair, Long> pairs = CoVisitPairs.count(views, Map.of("s1", "a", "s3", "q"));

    assertThat(pairs).containsExactly(Map.entry(new Pair("a", "b"), 1L), Map.entry(new Pair("b", "c"), 1L));
  }

  @Test
  void countsRepeatedPairs() {
    List<PageView> views = List.of(view("s1", "a"), view("s1", "b"), view("s2", "a"), view("s2", "b"));
    assertThat(CoVisitPairs.count(views, Map.of())).containsExactly(Map.entry(new Pair("a", "b"), 2L));
  }
}
