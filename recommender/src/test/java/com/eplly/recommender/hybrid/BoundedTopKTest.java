package com.eplly.recommender.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded top-K against sorting everything, and its min/max over all offers. */
class BoundedTopKTest {

  @Test
  void keepsTheBestByScoreThenIdAndTracksMinAndMaxOfEverything() {
    BoundedTopK top = new BoundedTopK(3);
    top.offer("d", 0.5);
    top.offer("a", 0.2);
    top.offer("c", 0.9);
    top.offer("b", 0.5);
    top.offer("e", -0.4);
    top.offer("f", 0.5);
    assertEquals(List.of(new BoundedTopK.Entry("c", 0.9), new BoundedTopK.Entry("b", 0.5),
        new BoundedTopK.Entry("d", 0.5)), top.best());
    assertEquals(-0.4, top.min());
    assertEquals(0.9, top.max());
  }

  @Test
  void agreesWithAFullSortOnRandomOffersWithTies() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      int capacity = 1 + random.nextInt(20);
      BoundedTopK top = new BoundedTopK(capacity);
      List<BoundedTopK.Entry> all = new ArrayList<>();
      int n = random.nextInt(200);
      for (int i = 0; i < n; i++) {
        // few distinct scores, so that many ties are broken by id
        BoundedTopK.Entry e = new BoundedTopK.Entry(String.format("x%03d", i), random.nextInt(10) / 4.0);
        all.add(e);
      }
      java.util.Collections.shuffle(all, random);
      all.forEach(e -> top.offer(e.id(), e.score()));
      all.sort(BoundedTopK.BEST_FIRST);
      assertEquals(all.subList(0, Math.min(capacity, n)), top.best());
      if (n > 0) {
        assertEquals(all.get(n - 1).score(), top.min());
        assertEquals(all.get(0).score(), top.max());
      }
    }
  }

  @Test
  void emptyUntilOffered() {
    BoundedTopK top = new BoundedTopK(1);
    assertTrue(top.isEmpty());
    assertTrue(top.best().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new BoundedTopK(0));
    assertTrue(BoundedTopK.BEST_FIRST.compare(new BoundedTopK.Entry("a", 1), new BoundedTopK.Entry("b", 1)) < 0);
  }
}
