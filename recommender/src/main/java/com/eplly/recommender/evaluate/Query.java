package com.eplly.recommender.evaluate;

import java.util.Set;

/**
 * One ranking task of a protocol: what is known (the reader's training history, or a session's
 * prefix) and what counts as a hit.
 *
 * @param readerId       the reader, when the model may use a learnt reader profile; null for anonymous prefixes
 * @param context        known items (indexes), oldest first
 * @param contextWeights weight of each context item (recent clicks of a session weigh more)
 * @param exclude        items never to rank (already seen in training); may be empty
 * @param relevant       relevant items that are rankable (known in training)
 * @param relevantTotal  all relevant items, including unrankable ones (recall and nDCG denominators)
 * @param candidates     the only items to rank (sampled-negatives protocols), or null for all
 * @param current        the article being read when the list is asked for (index), or -1 when the
 *                       request names none (a reader's home page): the api serves the two differently
 * @param sessionReads   how many of the newest {@code context} items the current session read (the
 *                       api's session list, which its session-page rule blends); the rest is older
 *                       history
 */
public record Query(String readerId, int[] context, double[] contextWeights, int[] exclude, Set<Integer> relevant,
    int relevantTotal, int[] candidates, int current, int sessionReads) {

  /** A query whose context is all the session's (anonymous prefixes) or none of it (a reader's history). */
  public Query(String readerId, int[] context, double[] contextWeights, int[] exclude, Set<Integer> relevant,
      int relevantTotal, int[] candidates, int current) {
    this(readerId, context, contextWeights, exclude, relevant, relevantTotal, candidates, current,
        readerId == null ? context.length : 0);
  }

  /** A query asked without a current article. */
  public Query(String readerId, int[] context, double[] contextWeights, int[] exclude, Set<Integer> relevant,
      int relevantTotal, int[] candidates) {
    this(readerId, context, contextWeights, exclude, relevant, relevantTotal, candidates, -1);
  }
}
