package com.eplly.recommender.session;

import com.eplly.recommender.evaluate.Query;
import com.eplly.recommender.evaluate.QueryScorer;
import java.util.Arrays;

/**
 * V-SKNN, vector-multiplication session kNN (Ludewig and Jannach 2018; session-rec's {@code vsknn}
 * with its defaults): the candidate neighbours are the {@code sample} most recently ended training
 * sessions sharing an item with the prefix; a neighbour's similarity is the dot product of the
 * prefix's position-weighted vector (the j-th of L clicks weighs j / L) with its binary item vector,
 * over the prefix's distinct items; the {@code k} most similar are kept, and each adds its similarity
 * times 1 / (how many clicks back the prefix last clicked one of its items) to every item it holds.
 */
public final class VSkNN implements QueryScorer {

  public static final String NAME = "v-sknn";
  public static final int DEFAULT_K = 100;
  public static final int DEFAULT_SAMPLE = 500;

  private final TrainingSessions sessions;
  private final int k;
  private final int sample;

  public VSkNN(TrainingSessions sessions, int k, int sample) {
    this.sessions = sessions;
    this.k = k;
    this.sample = sample;
  }

  /** session-rec's defaults: 100 neighbours out of the 500 most recent candidate sessions. */
  public static VSkNN withDefaults(TrainingSessions sessions) {
    return new VSkNN(sessions, DEFAULT_K, DEFAULT_SAMPLE);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void score(Query query, double[] out) {
    int[] prefix = Arrays.stream(query.context()).filter(i -> i >= 0).toArray();
    if (prefix.length == 0) {
      return;
    }
    // session-rec's pos_map: a later click of the same item overwrites the earlier weight.
    double[] weight = new double[sessions.items()];
    for (int j = 0; j < prefix.length; j++) {
      weight[prefix[j]] = (j + 1) / (double) prefix.length;
    }
    int distinctItems = (int) Arrays.stream(prefix).distinct().count();
    int[] candidates = mostRecent(candidates(prefix), sample);
    double[] similarity = new double[candidates.length];
    for (int c = 0; c < candidates.length; c++) {
      double dot = 0;
      for (int item : sessions.distinct(candidates[c])) {
        dot += weight[item];
      }
      similarity[c] = dot / distinctItems;
    }
    for (int n : nearest(candidates, similarity, k)) {
      double sim = similarity[n];
      int session = candidates[n];
      int step = 1;
      for (int j = prefix.length - 1; j >= 0 && !sessions.contains(session, prefix[j]); j--) {
        step++;
      }
      double add = sim / step;
      for (int item : sessions.distinct(session)) {
        out[item] += add;
      }
    }
  }

  /** Every session holding an item of the prefix, ascending. */
  private int[] candidates(int[] prefix) {
    boolean[] seen = new boolean[sessions.size()];
    int count = 0;
    for (int item : Arrays.stream(prefix).distinct().toArray()) {
      for (int s : sessions.sessionsOf(item)) {
        if (!seen[s]) {
          seen[s] = true;
          count++;
        }
      }
    }
    int[] out = new int[count];
    for (int s = 0, i = 0; s < seen.length; s++) {
      if (seen[s]) {
        out[i++] = s;
      }
    }
    return out;
  }

  /** The {@code n} sessions that ended last (ties: the later started); all when there are fewer. */
  private int[] mostRecent(int[] candidates, int n) {
    if (candidates.length <= n) {
      return candidates;
    }
    return Arrays.stream(candidates).boxed()
        .sorted((a, b) -> sessions.lastClick(a) != sessions.lastClick(b)
            ? Long.compare(sessions.lastClick(b), sessions.lastClick(a)) : Integer.compare(b, a))
        .limit(n).mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Positions of the {@code n} most similar candidates (ties: the more recently ended session). */
  private int[] nearest(int[] candidates, double[] similarity, int n) {
    return java.util.stream.IntStream.range(0, candidates.length).boxed()
        .filter(c -> similarity[c] > 0)
        .sorted((a, b) -> similarity[a] != similarity[b] ? Double.compare(similarity[b], similarity[a])
            : sessions.lastClick(candidates[a]) != sessions.lastClick(candidates[b])
                ? Long.compare(sessions.lastClick(candidates[b]), sessions.lastClick(candidates[a]))
                : Integer.compare(candidates[b], candidates[a]))
        .limit(n).mapToInt(Integer::intValue).toArray();
  }
}
