package com.eplly.recommender.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.recommender.datasets.Interaction;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LakeReplayTest {

  private static final long H = 3_600_000L;

  /**
   * Before the cut-off (newest - 24 h = hour 26): reader r1 reads a, b; r2 reads a, c. After it:
   * r1's session t1 reads c, b (already read), d (new), a (already read); r2's session t2 reads
   * c, x (published after the cut-off), a; session t3 of r3 reads d, c.
   */
  private static List<Interaction> timeline() {
    return List.of(
        new Interaction("r1", "s1", "a", 1 * H),
        new Interaction("r1", "s1", "b", 2 * H),
        new Interaction("r2", "s2", "a", 3 * H),
        new Interaction("r2", "s2", "c", 4 * H),
        new Interaction("r3", "s3", "d", 5 * H),
        new Interaction("r1", "t1", "c", 30 * H),
        new Interaction("r1", "t1", "b", 31 * H),
        new Interaction("r1", "t1", "d", 32 * H),
        new Interaction("r1", "t1", "a", 33 * H),
        new Interaction("r2", "t2", "c", 40 * H),
        new Interaction("r2", "t2", "x", 41 * H),
        new Interaction("r2", "t2", "a", 42 * H),
        new Interaction("r3", "t3", "d", 49 * H),
        new Interaction("r3", "t3", "c", 50 * H));
  }

  @Test
  void trainsOnlyBeforeTheCutOffAndAsksTheArticlePageOfEveryLaterUnreadTarget() {
    ProtocolSplit split = new LakeReplay(Duration.ofHours(24), 6, 100).split(timeline(), 1);

    assertTrue(split.train().stream().allMatch(i -> i.timestamp() < 26 * H));
    assertEquals(5, split.train().size());
    ItemIndex items = split.items();
    assertEquals(-1, items.index("x"), "x is only read after the cut-off");
    // t1: b (read by r1 before) and a (likewise) are skipped; d after b is asked.
    // t2: x is unknown; a after x has no trained current article. t3: c after d.
    List<Query> pages = split.queries();
    assertEquals(2, pages.size());
    Query d = pages.get(0);
    assertEquals("r1", d.readerId());
    assertEquals(items.index("b"), d.current());
    assertEquals(Set.of(items.index("d")), d.relevant());
    assertArrayEquals(new int[] {items.index("a"), items.index("c"), items.index("b")}, d.context(),
        "the reader's training reads and the session's earlier ones, oldest first, b re-read at its newest place");
    assertEquals(2, d.sessionReads(), "c and b are the session's");
    assertArrayEquals(d.context(), d.exclude());
    Query c = pages.get(1);
    assertEquals("r3", c.readerId());
    assertEquals(items.index("d"), c.current());
    assertEquals(Set.of(items.index("c")), c.relevant());

    assertEquals(2, split.stats().get("targetAlreadyReadByReader"));
    assertEquals(1, split.stats().get("targetPublishedAfterCutOff"));
    assertEquals(1, split.stats().get("currentPublishedAfterCutOff"));
  }

  @Test
  void anonymousSessionsKnowOnlyTheSessionsReads() {
    ProtocolSplit split = new LakeReplay(Duration.ofHours(24), 6, 100).split(timeline(), 1);
    ItemIndex items = split.items();

    List<Query> anonymous = split.variants().get(LakeReplay.ANONYMOUS);
    // t1: b after c, d after c b, a after c b d; t2: a is asked on x's page, unknown; t3: c after d.
    assertEquals(4, anonymous.size());
    for (Query q : anonymous) {
      assertNull(q.readerId());
      assertEquals(q.context()[q.context().length - 1], q.current(), "asked on the newest read's page");
      assertEquals(q.context().length, q.sessionReads());
      int target = q.relevant().iterator().next();
      assertTrue(java.util.Arrays.stream(q.context()).noneMatch(i -> i == target), "a target the session read");
    }
    assertArrayEquals(new int[] {items.index("d")}, anonymous.get(3).context());
  }

  @Test
  void readersListsAreBuiltFromTrainingHistoryAlone() {
    ProtocolSplit split = new LakeReplay(Duration.ofHours(24), 6, 100).split(timeline(), 1);
    ItemIndex items = split.items();

    Query r1 = split.readers().stream().filter(q -> q.readerId().equals("r1")).findFirst().orElseThrow();
    assertArrayEquals(new int[] {items.index("a"), items.index("b")}, r1.context());
  }

  @Test
  void samplesAtMostTheCapInTheirOriginalOrder() {
    ProtocolSplit all = new LakeReplay(Duration.ofHours(24), 6, 100).split(timeline(), 1);
    ProtocolSplit capped = new LakeReplay(Duration.ofHours(24), 6, 3).split(timeline(), 1);

    List<Query> anonymous = all.variants().get(LakeReplay.ANONYMOUS);
    List<Query> sampled = capped.variants().get(LakeReplay.ANONYMOUS);
    assertEquals(3, sampled.size());
    int last = -1;
    for (Query q : sampled) {
      int at = -1;
      for (int i = 0; i < anonymous.size(); i++) {
        if (anonymous.get(i).relevant().equals(q.relevant())
            && java.util.Arrays.equals(anonymous.get(i).context(), q.context())) {
          at = i;
        }
      }
      assertTrue(at > last, "sampled queries keep their order");
      last = at;
    }
  }

  @Test
  void aWindowLongerThanTheLakeLeavesNothingToTrainOn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LakeReplay(Duration.ofHours(100), 6, 100).split(timeline(), 1));
    assertTrue(e.getMessage().contains("nothing is left to train on"), e.getMessage());
  }
}
