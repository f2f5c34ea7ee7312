package com.eplly.recommender.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.hybrid.Source;
import org.junit.jupiter.api.Test;

/** Tuned weights that starve a kind of list get it fed again, touching nothing else. */
class EveryListFedTest {

  private static final HybridWeights GIVEN = HybridWeights.parse("co-visitation=1,als=2,ease=1,content=1");

  @Test
  void readerListsWithoutAlsOrEaseKeepTheGivenAlsWeight() {
    // What an article-page fit found on the generated lake: ALS and EASE at 0, no reader list.
    HybridWeights searched = HybridWeights.parse("co-visitation=4,content=2,followed-by=1,popularity=2");
    assertThrows(IllegalArgumentException.class, () -> HybridLists.requireSources(searched));

    HybridWeights fed = HybridLists.everyListFed(searched, GIVEN);

    assertDoesNotThrow(() -> HybridLists.requireSources(fed));
    assertEquals(2.0, fed.of(Source.ALS), "ALS feeds only reader lists: it takes the given weight");
    assertEquals(0.0, fed.of(Source.EASE), "EASE also feeds article lists: left as fit");
    assertEquals(4.0, fed.of(Source.CO_VISITATION));
    assertEquals(2.0, fed.of(Source.POPULARITY));
  }

  @Test
  void weightsThatFeedEveryListAreKept() {
    HybridWeights searched = HybridWeights.parse("co-visitation=4,ease=0.5");
    assertEquals(searched, HybridLists.everyListFed(searched, GIVEN));
  }
}
