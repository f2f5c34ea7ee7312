package com.eplly.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopularArticlesTest {

  @Test
  void picksTheMostViewedServableArticleSinceTheCutoff() {
    List<Article> catalog = List.of(article("a-1", false), article("a-2", false), article("a-3", true));
    List<PageView> views = List.of(
        view("a-1", 10), view("a-1", 10),               // before the cutoff: ignored
        view("a-2", 200), view("a-2", 300),
        view("a-3", 200), view("a-3", 200), view("a-3", 200)); // hidden: never the pick
    PopularArticles popular = new PopularArticles(100);
    Iterator<PageView> it = popular.counting(views.iterator());
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    assertEquals(views.size(), n);
    assertEquals("a-2", popular.top(catalog, 1_000).orElseThrow());
    assertTrue(new PopularArticles(0).top(catalog, 1_000).isEmpty());
  }

  private static Article article(String id, boolean hidden) {
    return new Article(id, "t", "https://x/" + id, "news", 1L, null, List.of(), null, hidden);
  }

  private static PageView view(String articleId, long t) {
    return new PageView("e", "r", articleId, "s", t, null, null);
  }
}
