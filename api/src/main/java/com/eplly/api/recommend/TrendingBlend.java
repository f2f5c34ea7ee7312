package com.eplly.api.recommend;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums per-bucket view counts into one trending list, each older bucket weighted by
 * {@code decay} times the next newer one, so a burst fades over the window instead of dropping off.
 */
public final class TrendingBlend {

  private TrendingBlend() {}

  /**
   * @param bucketsNewestFirst per bucket, (articleId, count) pairs
   * @param decay              weight ratio between consecutive buckets, in (0, 1]
   * @param size               most items returned
   */
  public static List<Suggestion> blend(List<Map<String, Double>> bucketsNewestFirst, double decay, int size) {
    Map<String, Double> totals = new LinkedHashMap<>();
    double weight = 1.0;
    for (Map<String, Double> bucket : bucketsNewestFirst) {
      for (Map.Entry<String, Double> e : bucket.entrySet()) {
        totals.merge(e.getKey(), e.getValue() * weight, Double::sum);
      }
      weight *= decay;
    }
    return totals.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(size)
        .map(e -> new Suggestion(e.getKey(), e.getValue(), Reason.TRENDING))
        .toList();
  }
}
