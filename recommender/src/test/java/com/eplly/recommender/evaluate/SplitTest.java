package com.eplly.recommender.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.recommender.datasets.Interaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitTest {

  private static final long DAY = 86_400_000L;

  /** 60 sessions over 30 days, 2-6 clicks on 30 items, some sessions spanning midnight. */
  private static List<Interaction> sessions(long seed) {
    Random r = new Random(seed);
    List<Interaction> out = new ArrayList<>();
    for (int s = 0; s < 60; s++) {
      long start = s * DAY / 2 + r.nextInt((int) (DAY / 2));
      int n = 2 + r.nextInt(5);
      for (int i = 0; i < n; i++) {
        out.add(new Interaction("r" + (s % 7), "s" + s, "i" + r.nextInt(30), start + i * 3_600_000L));
      }
    }
    return out;
  }

  @Test
  void temporalSplitNeverLetsATestEventIntoTraining() {
    List<Interaction> data = sessions(1);
    NextClickSplit protocol = NextClickSplit.lastSpan(2, Duration.ofDays(7), 20);
    NextClickSplit.Halves h = protocol.halves(data);

    assertFalse(h.testSessions().isEmpty());
    assertTrue(h.train().stream().allMatch(i -> i.timestamp() < h.splitTime()), "a training event at or after the split");
    Set<String> testSessionIds = h.testSessions().stream().map(s -> s.get(0).sessionId()).collect(Collectors.toSet());
    assertTrue(h.train().stream().noneMatch(i -> testSessionIds.contains(i.sessionId())), "a test session's event in training");
    Set<Interaction> test = new HashSet<>();
    h.testSessions().forEach(test::addAll);
    assertTrue(h.train().stream().noneMatch(test::contains));
    assertTrue(h.testSessions().stream().allMatch(s -> s.get(0).timestamp() >= h.splitTime()));
  }

  @Test
  void dayRuleAsSrGnnDropsTheSplitDayAndNeverLeaks() {
    List<Interaction> data = sessions(2);
    NextClickSplit.Halves h = NextClickSplit.lastDays(2, 7, 20).halves(data);

    Map<String, List<Interaction>> bySession = NextClickSplit.sessionsById(data);
    long newestDay = bySession.values().stream().mapToLong(s -> s.get(0).timestamp() / DAY).max().orElseThrow();
    assertEquals((newestDay - 6) * DAY, h.splitTime(), "test = sessions starting in the 7 days after newest day - 7");
    assertTrue(h.testSessions().stream().allMatch(s -> s.get(0).timestamp() >= h.splitTime()));
    assertTrue(h.train().stream().allMatch(i -> i.timestamp() < h.splitTime()), "a training event at or after the split");
    Set<String> testSessionIds = h.testSessions().stream().map(s -> s.get(0).sessionId()).collect(Collectors.toSet());
    assertTrue(h.train().stream().noneMatch(i -> testSessionIds.contains(i.sessionId())), "a test session's event in training");
    Set<String> trainSessions = h.train().stream().map(Interaction::sessionId).collect(Collectors.toSet());
    assertTrue(trainSessions.stream().allMatch(id -> bySession.get(id).get(0).timestamp() < h.splitTime() - DAY),
        "a session of the split day in training");
    assertTrue((int) h.stats().get("splitDaySessionsDropped") > 0);
  }

  @Test
  void everyPrefixPredictsItsNextKnownItem() {
    List<Interaction> data = new ArrayList<>();
    // training: a,b,c each clicked in two sessions; test session a b x c where x is unknown
    data.add(new Interaction("r1", "s1", "a", 1000));
    data.add(new Interaction("r1", "s1", "b", 2000));
    data.add(new Interaction("r2", "s2", "b", 3000));
    data.add(new Interaction("r2", "s2", "c", 4000));
    data.add(new Interaction("r3", "s3", "c", 5000));
    data.add(new Interaction("r3", "s3", "a", 6000));
    data.add(new Interaction("r4", "s4", "a", 10 * DAY));
    data.add(new Interaction("r4", "s4", "b", 10 * DAY + 1));
    data.add(new Interaction("r4", "s4", "x", 10 * DAY + 2));
    data.add(new Interaction("r4", "s4", "c", 10 * DAY + 3));
    data.add(new Interaction("r5", "s5", "x", 10 * DAY + 4)); // x reaches support 2 but only after the split
    data.add(new Interaction("r5", "s5", "x", 10 * DAY + 5));
    ProtocolSplit split = NextClickSplit.lastSpan(2, Duration.ofDays(1), 20).split(data, 1);

    ItemIndex items = split.items();
    assertEquals(3, items.size());
    assertEquals(2, split.queries().size()); // [a] -> b, [a, b] -> c (x dropped: unknown in training)
    assertEquals(Set.of(items.index("b")), split.queries().get(0).relevant());
    assertEquals(Set.of(items.index("c")), split.queries().get(1).relevant());
    assertEquals(List.of(items.index("a"), items.index("b")),
        java.util.Arrays.stream(split.queries().get(1).context()).boxed().toList());
    assertEquals(1.0, split.queries().get(1).contextWeights()[1]);
    assertEquals(0.5, split.queries().get(1).contextWeights()[0]);
  }

  @Test
  void queriesAreCountedByTheSessionEvidenceForTheirNextItem() {
    List<Interaction> data = new ArrayList<>();
    // training sessions {a, b} and {c, d}; test session a a b c: [a] -> a is in the prefix,
    // [a, a] -> b was clicked with a in training, [a, a, b] -> c never with a or b
    data.add(new Interaction("r1", "s1", "a", 1000));
    data.add(new Interaction("r1", "s1", "b", 2000));
    data.add(new Interaction("r2", "s2", "c", 3000));
    data.add(new Interaction("r2", "s2", "d", 4000));
    data.add(new Interaction("r3", "s3", "a", 10 * DAY));
    data.add(new Interaction("r3", "s3", "a", 10 * DAY + 1));
    data.add(new Interaction("r3", "s3", "b", 10 * DAY + 2));
    data.add(new Interaction("r3", "s3", "c", 10 * DAY + 3));
    Map<String, Object> stats = NextClickSplit.lastSpan(1, Duration.ofDays(1), 20).split(data, 1).stats();

    assertEquals(3, stats.get("queries"));
    assertEquals(1, stats.get("nextInPrefix"));
    assertEquals(1, stats.get("nextClickedWithAPrefixItemInTraining"));
    assertEquals(1, stats.get("nextWithNoSessionEvidence"));
  }

  @Test
  void rareItemsAndSingleClickSessionsAreDropped() {
    List<Interaction> data = new ArrayList<>();
    for (int s = 0; s < 5; s++) {
      data.add(new Interaction("r", "s" + s, "common", s * 1000L));
      data.add(new Interaction("r", "s" + s, "other", s * 1000L + 1));
    }
    data.add(new Interaction("r", "s0", "rare", 2));
    data.add(new Interaction("r", "lonely", "common", 99));
    NextClickSplit.Halves h = NextClickSplit.lastShare(5, 0.2, 20).halves(data);
    assertEquals(5, (int) h.stats().get("cleanSessions"));
    assertTrue(h.train().stream().noneMatch(i -> i.itemId().equals("rare") || i.sessionId().equals("lonely")));
  }

  @Test
  void stratifiedSplitKeepsThreeQuartersOfEachUserAndIsSeeded() {
    List<Interaction> data = new ArrayList<>();
    for (int u = 0; u < 20; u++) {
      for (int i = 0; i < 10 + u; i++) {
        data.add(new Interaction("u" + u, "u" + u, "i" + i, i));
      }
    }
    StratifiedUserSplit protocol = new StratifiedUserSplit(0.75, 10);
    StratifiedUserSplit.Halves a = protocol.halves(data, 42);
    Map<String, Long> trainPerUser = a.train().stream().collect(Collectors.groupingBy(Interaction::readerId, Collectors.counting()));
    assertEquals(8L, trainPerUser.get("u0")); // rint(7.5) = 8 (half to even)
    assertEquals(8L, trainPerUser.get("u1")); // rint(8.25) = 8
    assertEquals(14L, trainPerUser.get("u9")); // rint(14.25) = 14
    assertEquals(data.size(), a.train().size() + a.test().size());
    Set<Interaction> train = new HashSet<>(a.train());
    assertTrue(a.test().stream().noneMatch(train::contains));
    assertEquals(a, protocol.halves(data, 42));
    assertFalse(a.equals(protocol.halves(data, 43)));

    ProtocolSplit split = protocol.split(data, 42);
    Query q = split.queries().get(0);
    Set<Integer> seen = new HashSet<>();
    for (int c : q.exclude()) {
      seen.add(c);
    }
    assertTrue(q.relevant().stream().noneMatch(seen::contains), "a test item is excluded as seen");
  }
}
