package com.eplly.contracts.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.eplly.contracts.event.Article;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleHashTest {

  @Test
  void roundTripsThroughTheHash() {
    Article a = new Article("a-1", "T", "https://x/a-1", "music", 10L, "body", List.of("x", "y"), 99L, true);
    assertEquals(a, ArticleHash.fromHash("a-1", ArticleHash.toHash(a)));
  }

  @Test
  void servingFieldsRebuildWhatTheApiNeeds() {
    Article a = new Article("a-1", "T", "https://x/a-1", "music", 10L, null, List.of(), null, false);
    Map<String, String> h = ArticleHash.toHash(a);
    List<String> values = ArticleHash.SERVING_FIELDS.stream().map(h::get).toList();
    assertEquals(a, ArticleHash.fromServingFields("a-1", values));
  }

  @Test
  void emptyHashIsAnUnknownArticle() {
    assertNull(ArticleHash.fromHash("a-1", Map.of()));
  }
}
