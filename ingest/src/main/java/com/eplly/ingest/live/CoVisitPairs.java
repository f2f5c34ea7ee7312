package com.eplly.ingest.live;

import com.eplly.contracts.event.PageView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the consecutive reads A→B within each session of a batch, continuing from each session's
 * last article before the batch. Re-reading the same article is not a pair.
 */
public final class CoVisitPairs {

  /** Article {@code to} was read right after {@code from} in one session. */
  public record Pair(String from, String to) {}

  private CoVisitPairs() {}

  /**
   * @param views        new page views in consumption order (per reader, hence per session, in order)
   * @param sessionHeads each session's newest article before this batch; sessions absent had none
   * @return how often each pair occurred, in first-seen order
   */
  public static Map<Pair, Long> count(List<PageView> views, Map<String, String> sessionHeads) {
    Map<String, String> previous = new HashMap<>(sessionHeads);
    Map<Pair, Long> counts = new LinkedHashMap<>();
    for (PageView v : views) {
      String before = previous.put(v.sessionId(), v.articleId());
      if (before != null && !before.equals(v.articleId())) {
        counts.merge(new Pair(before, v.articleId()), 1L, Long::sum);
      }
    }
    return counts;
  }
}
