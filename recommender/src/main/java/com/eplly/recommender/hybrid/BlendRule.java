package com.eplly.recommender.hybrid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hybrid's blending rule on one list, in plain Java, used by {@code reco train} for every list
 * (per key over Datasets by {@link DatasetBlend}, per reader in place by
 * {@code train.ReaderScoring}): each source keeps its top {@link #DEPTH} candidates, their scores
 * are min-max normalised (the minimum is at most 0, for the items the source did not score),
 * weighted and summed; the reason is that of the largest contribution (ties: the greater reason
 * name); the top {@code k} by blended score, ties by article id. {@code reco evaluate} applies the
 * same rule to its driver arrays ({@code evaluate.PooledBlend}, which a parity test holds to this).
 */
public final class BlendRule {

  /** Items each source contributes per list. */
  public static final int DEPTH = 200;

  /**
   * One source's part of a list.
   *
   * @param weight the source's weight (> 0)
   * @param reason the reason's wire name
   * @param top    the source's best candidates of the list, with the min and max of all it scored
   */
  public record Part(double weight, String reason, BoundedTopK top) {}

  /** One blended suggestion. */
  public record Item(String articleId, double score, String reason) {}

  private BlendRule() {}

  /** {@code score} min-max normalised into [0, 1]; 0 when the list has a single distinct score. */
  public static double normalised(double score, double min, double max) {
    return max > min ? (score - min) / (max - min) : 0;
  }

  /** The top {@code k} blended items, best first; empty when no part scored anything. */
  public static List<Item> blend(List<Part> parts, int k) {
    Map<String, Sum> sums = new HashMap<>();
    for (Part p : parts) {
      if (p.top().isEmpty()) {
        continue;
      }
      double min = Math.min(0.0, p.top().min());
      double max = p.top().max();
      for (BoundedTopK.Entry e : p.top().best()) {
        double contribution = p.weight() * normalised(e.score(), min, max);
        sums.computeIfAbsent(e.id(), id -> new Sum()).add(contribution, p.reason());
      }
    }
    // The blended scores reuse the bounded top-k, the reason riding along by id.
    BoundedTopK best = new BoundedTopK(Math.max(1, k));
    sums.forEach((id, s) -> best.offer(id, s.total));
    List<Item> out = new ArrayList<>(Math.min(k, sums.size()));
    if (k > 0) {
      for (BoundedTopK.Entry e : best.best()) {
        out.add(new Item(e.id(), e.score(), sums.get(e.id()).reason));
      }
    }
    return out;
  }

  /** A candidate's running total and its strongest source's reason. */
  private static final class Sum {
    double total;
    double strongest = Double.NEGATIVE_INFINITY;
    String reason;

    void add(double contribution, String from) {
      total += contribution;
      if (contribution > strongest || (contribution == strongest && from.compareTo(reason) > 0)) {
        strongest = contribution;
        reason = from;
      }
    }
  }
}
