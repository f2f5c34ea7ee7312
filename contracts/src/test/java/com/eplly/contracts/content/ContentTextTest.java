package com.eplly.contracts.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTextTest {

  @Test
  void lowerCasesSplitsOnNonWordsAndDropsShortTokensAndStopWords() {
    // "isn't" splits at the apostrophe, as in MLlib, so the list's "isn't" never matches: "isn" stays
    assertEquals(List.of("mars", "rover", "finds", "water_ice", "2026", "café", "isn"),
        ContentText.tokens("The Mars-rover finds WATER_ICE in 2026: a café, isn't it?"));
  }

  @Test
  void documentRepeatsTheCategoryTokenAndToleratesMissingParts() {
    Article a = new Article("a-1", "Budget vote", "u", "Local News", 1L, null, List.of(), null, false);
    assertEquals(List.of("budget", "vote", "cat_local_news", "cat_local_news"), ContentText.documentTokens(a, 2));
    assertEquals(List.of("budget", "vote"), ContentText.documentTokens(a, 0));
    assertEquals("cat_", ContentText.categoryToken(null));
    assertThrows(IllegalArgumentException.class, () -> ContentText.document("t", "s", "c", -1));
  }

  @Test
  void stopWordsAreSparksEnglishList() {
    assertEquals(181, ContentText.STOP_WORDS.size());
    assertTrue(ContentText.STOP_WORDS.containsAll(List.of("the", "and", "what", "would")));
  }
}
