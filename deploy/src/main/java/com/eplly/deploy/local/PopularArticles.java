package com.eplly.deploy.local;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Counts page views per article as they stream by, to point the demo page at a well-read article. */
final class PopularArticles {

  private final Map<String, Integer> views = new HashMap<>();
  private final long since;

  /** Only views at or after {@code sinceEpochMs} count, so the pick is popular now, not days ago. */
  PopularArticles(long sinceEpochMs) {
    this.since = sinceEpochMs;
  }

  Iterator<PageView> counting(Iterator<PageView> source) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public PageView next() {
        PageView v = source.next();
        if (v.timestamp() >= since) {
          views.merge(v.articleId(), 1, Integer::sum);
        }
        return v;
      }
    };
  }

  /** The most viewed servable article, ties broken by id for a stable answer. */
  Optional<String> top(List<Article> catalog, long nowMs) {
    Set<String> servable = catalog.stream().filter(a -> a.servableAt(nowMs)).map(Article::articleId).collect(Collectors.toSet());
    return views.entrySet().stream()
        .filter(e -> servable.contains(e.getKey()))
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey);
  }
}
