package com.eplly.ingest.live;

import com.eplly.contracts.event.PageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the reads A→B within each session: B read right after A, and B not among the session's
 * recent reads. The second rule caps what one session adds to any pair at one, so alternating
 * A, X, A, X… in one session cannot push X to the top of A's "read-together" list; going back
 * to an article already read is no evidence that the two belong together either.
 */
public final class CoVisitPairs {

  /** Article {@code to} was first read right after {@code from} in one session, by the view at {@code index}. */
  public record Pair(String from, String to, int index) {}

  private CoVisitPairs() {}

  /**
   * @param views      new page views in consumption order (per reader, hence per session, in order)
   * @param sessions   each session's recent reads before these views; updated in place to after them
   * @param sessionCap reads a session list keeps (the memory of "already read")
   * @return the pairs, in view order
   */
  static List<Pair> find(List<PageView> views, Map<String, SessionMemory.Recent> sessions, int sessionCap) {
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < views.size(); i++) {
      PageView v = views.get(i);
      SessionMemory.Recent recent = sessions.getOrDefault(v.sessionId(), SessionMemory.Recent.EMPTY);
      if (recent.head() != null && !recent.contains(v.articleId())) {
        pairs.add(new Pair(recent.head(), v.articleId(), i));
      }
      sessions.put(v.sessionId(), recent.push(v.articleId(), sessionCap));
    }
    return pairs;
  }
}
