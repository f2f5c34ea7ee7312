package com.eplly.recommender.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.recommender.datasets.Interaction;
import com.eplly.recommender.evaluate.SessionFileSplit.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionFileSplitTest {

  /** Training: s1 = a b c, s2 = b c. Test: t1 = a b a c x (x unknown), t2 = c y (y unknown: one click left). */
  private static final List<Interaction> TRAIN = clicks("s1", 0, "a", "b", "c", "s2", 100, "b", "c");
  private static final List<Interaction> TEST = clicks("t1", 1000, "a", "b", "a", "c", "x", "t2", 2000, "c", "y");

  /** Session id then its start time then its items, repeated; one second between clicks. */
  private static List<Interaction> clicks(Object... spec) {
    List<Interaction> out = new ArrayList<>();
    String session = null;
    long t = 0;
    for (Object o : spec) {
      if (o instanceof Integer start) {
        t = start * 1000L;
      } else if (((String) o).startsWith("s") || ((String) o).startsWith("t")) {
        session = (String) o;
      } else {
        out.add(new Interaction("s" + session, session, (String) o, t));
        t += 1000;
      }
    }
    return out;
  }

  @Test
  void standardCountsEveryPrefixOfKnownClicks() {
    ProtocolSplit split = SessionFileSplit.of(TEST, Variant.STANDARD, 20).split(TRAIN, 1);
    ItemIndex items = split.items();
    // t1 without x: a b a c -> [a]->b, [a b]->a (a repeat, counts here), [a b a]->c; t2 keeps one click: none.
    assertEquals(3, split.queries().size());
    Query repeat = split.queries().get(1);
    assertArrayEquals(new int[] {items.index("a"), items.index("b")}, repeat.context());
    assertEquals(Set.of(items.index("a")), repeat.relevant());
    assertEquals(0, repeat.exclude().length);
    assertEquals(items.index("b"), repeat.current());
    assertEquals(null, repeat.readerId());
    assertEquals(2, split.stats().get("testClicksOnUnknownItemsDropped"));
    assertEquals(1, split.stats().get("testSessionsKept"));
  }

  @Test
  void newsSkipsRepeatTargetsAndExcludesThePrefix() {
    ProtocolSplit split = SessionFileSplit.of(TEST, Variant.NEWS, 20).split(TRAIN, 1);
    ItemIndex items = split.items();
    assertEquals(2, split.queries().size());
    Query last = split.queries().get(1);
    assertArrayEquals(new int[] {items.index("a"), items.index("b"), items.index("a")}, last.context());
    assertArrayEquals(new int[] {items.index("a"), items.index("b")}, last.exclude());
    assertEquals(Set.of(items.index("c")), last.relevant());
    assertEquals(1, split.stats().get("targetsAlreadyInPrefix"));
  }

  @Test
  void validationSplitsTheTrainingFileByStartTime() {
    Protocol validation = SessionFileSplit.of(TEST, Variant.NEWS, 20).forValidation();
    ProtocolSplit split = validation.split(TRAIN, 2);
    // Two sessions, the last quarter by start: s2 (b c) is the test session, s1 trains.
    assertEquals(3, split.train().size());
    assertEquals(1, split.queries().size());
    assertEquals(Set.of(split.items().index("c")), split.queries().get(0).relevant());
  }
}
