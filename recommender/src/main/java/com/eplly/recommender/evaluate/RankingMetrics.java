package com.eplly.recommender.evaluate;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Top-k ranking metrics with binary relevance, defined as in Microsoft Recommenders'
 * {@code python_evaluation} (precision divides by k, recall by the number of relevant items,
 * nDCG's ideal list holds min(relevant, k) hits, MAP@k divides by min(relevant, k)). Each function
 * scores one ranked list; the mean over queries is the reported figure.
 *
 * <p>{@code relevantTotal} counts every relevant item, including ones the model could never
 * rank (unknown in training); {@code relevant} holds the rankable ones.
 */
public final class RankingMetrics {

  private RankingMetrics() {}

  /** 1 when any of the first k items is relevant. */
  public static double hit(int[] ranked, Set<Integer> relevant, int k) {
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      if (relevant.contains(ranked[i])) {
        return 1;
      }
    }
    return 0;
  }

  /** 1 / rank of the first relevant item within the first k, else 0. */
  public static double reciprocalRank(int[] ranked, Set<Integer> relevant, int k) {
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      if (relevant.contains(ranked[i])) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  public static double precision(int[] ranked, Set<Integer> relevant, int k) {
    return hits(ranked, relevant, k) / (double) k;
  }

  public static double recall(int[] ranked, Set<Integer> relevant, int relevantTotal, int k) {
    return relevantTotal == 0 ? 0 : hits(ranked, relevant, k) / (double) relevantTotal;
  }

  /** DCG with gain 1 per hit and discount 1/log(1 + rank), over the ideal DCG of min(relevantTotal, k) hits. */
  public static double ndcg(int[] ranked, Set<Integer> relevant, int relevantTotal, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      if (relevant.contains(ranked[i])) {
        dcg += 1 / Math.log(2 + i);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevantTotal); i++) {
      ideal += 1 / Math.log(2 + i);
    }
    return ideal == 0 ? 0 : dcg / ideal;
  }

  /** Sum of precision at each hit's rank, over min(relevantTotal, k). */
  public static double averagePrecision(int[] ranked, Set<Integer> relevant, int relevantTotal, int k) {
    double sum = 0;
    int hits = 0;
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      if (relevant.contains(ranked[i])) {
        hits++;
        sum += hits / (double) (i + 1);
      }
    }
    int denominator = Math.min(relevantTotal, k);
    return denominator == 0 ? 0 : sum / denominator;
  }

  /** Share of the {@code catalogSize} items that appear in at least one top-k list. */
  public static double coverage(List<int[]> lists, int k, int catalogSize) {
    BitSet seen = new BitSet(catalogSize);
    for (int[] list : lists) {
      for (int i = 0; i < Math.min(k, list.length); i++) {
        if (list[i] >= 0) { // -1: an article training never saw (a served "latest" one)
          seen.set(list[i]);
        }
      }
    }
    return catalogSize == 0 ? 0 : seen.cardinality() / (double) catalogSize;
  }

  /**
   * Mean self-information {@code -log2 p(i)} of the recommended items, where {@code p(i)} is the
   * share of training readers (or sessions) who interacted with i: higher = less obvious picks.
   * Items with p = 0 count as seen once among {@code population}.
   */
  public static double novelty(List<int[]> lists, int k, double[] popularityShare, int population) {
    double sum = 0;
    long n = 0;
    double floor = 1.0 / Math.max(1, population);
    for (int[] list : lists) {
      for (int i = 0; i < Math.min(k, list.length); i++) {
        sum += -Math.log(Math.max(floor, list[i] < 0 ? 0 : popularityShare[list[i]])) / Math.log(2);
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /**
   * Share of the top-k suggestions that are {@code fresh}; items training never saw (-1) are not
   * counted, their age being unknown to the evaluation.
   */
  public static double freshShare(List<int[]> lists, int k, boolean[] fresh) {
    long young = 0;
    long n = 0;
    for (int[] list : lists) {
      for (int i = 0; i < Math.min(k, list.length); i++) {
        if (list[i] >= 0) {
          young += fresh[list[i]] ? 1 : 0;
          n++;
        }
      }
    }
    return n == 0 ? 0 : young / (double) n;
  }

  /**
   * session-rec's Popularity@k: per list the mean {@code normalisedClicks} (training clicks of the item
   * over the most clicked item's) of its distinct top-k items, averaged over the lists that list
   * anything. Higher = the model leans on best sellers.
   */
  public static double popularityBias(List<int[]> lists, int k, double[] normalisedClicks) {
    double sum = 0;
    int counted = 0;
    for (int[] list : lists) {
      int[] top = java.util.Arrays.stream(list, 0, Math.min(k, list.length)).distinct().toArray();
      if (top.length == 0) {
        continue;
      }
      double listSum = 0;
      for (int item : top) {
        listSum += item < 0 ? 0 : normalisedClicks[item];
      }
      sum += listSum / top.length;
      counted++;
    }
    return counted == 0 ? 0 : sum / counted;
  }

  /** Training clicks per item over the most clicked item's (session-rec's popularity normalisation). */
  public static double[] normalisedClicks(int[] clicks) {
    int max = java.util.Arrays.stream(clicks).max().orElse(0);
    double[] out = new double[clicks.length];
    for (int i = 0; i < clicks.length && max > 0; i++) {
      out[i] = clicks[i] / (double) max;
    }
    return out;
  }

  private static int hits(int[] ranked, Set<Integer> relevant, int k) {
    int hits = 0;
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      if (relevant.contains(ranked[i])) {
        hits++;
      }
    }
    return hits;
  }
}
