package com.eplly.contracts.live;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live co-visit rule, shared by its writer (ingest) and its reader (the api), and how live
 * co-visits relate to the trained co-visitation that also reaches readers as {@code read-together}.
 *
 * <p>Both count the same evidence, two articles read close together in one session, over
 * different spans. The trained model (recommender {@code CoVisitation}) counts pairs up to 3
 * reads apart, both ways, decays them by age, divides by the two articles' own decayed counts so
 * popular articles do not become everyone's neighbour, and blends the result with the other
 * sources, each min-max normalised per list. Live co-visits ({@link Keyspace#coVisits}) count only
 * since the last days: a session's first read of B right after A adds {@link #READ_AFTER} to A's
 * set (and ingest's {@code co-visit-reverse-weight} to B's), raw. They exist for what the last
 * training could not see (new articles, pairs formed since), so they never outrank the model: an
 * article's trained list comes first and its live co-visits follow, adding only what the list lacks.
 *
 * <p>Their scores are made comparable before the two meet ({@link #scored}): the live counts are
 * normalised as the hybrid normalises every source per list (min-max, an unscored article counting
 * 0: a count over the list's largest), then weighted by the trained list's lowest score, so the
 * strongest live co-visit scores as the weakest trained neighbour and the scores of one answer's
 * read-together items fall down the list. The popularity division cannot be repeated live: the
 * live state holds no per-article session counts.
 */
public final class CoVisitRule {

  /** What a session's first read of B right after A adds to A's co-visit set (member B). */
  public static final double READ_AFTER = 1.0;

  private CoVisitRule() {}

  /**
   * An article's live co-visits on the scale of its trained list, reason {@code read-together},
   * in the given order.
   *
   * @param counts    the article's live co-visit counts, highest first (as Redis ranks them)
   * @param modelList the article's list in the active model version; empty when it has none
   *                  (then the scores are the normalised counts, in (0, 1])
   */
  public static List<Suggestion> scored(Map<String, Double> counts, List<Suggestion> modelList) {
    double largest = 0;
    for (double count : counts.values()) {
      largest = Math.max(largest, count);
    }
    double weight = modelList.isEmpty() ? 1.0 : Double.POSITIVE_INFINITY;
    for (Suggestion s : modelList) {
      weight = Math.min(weight, s.score());
    }
    List<Suggestion> out = new ArrayList<>(counts.size());
    for (Map.Entry<String, Double> e : counts.entrySet()) {
      double normalised = largest > 0 ? e.getValue() / largest : 0;
      out.add(new Suggestion(e.getKey(), weight * normalised, Reason.READ_TOGETHER));
    }
    return out;
  }
}
