package com.eplly.contracts.serving;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session page's candidates from the published lists of its newest reads (the current article
 * first): read j (0 = newest) weighs 1 / (j + 1) and an item at rank r of a list of n scores
 * (n - r) / n in it, so an item several reads point to rises above one only the current article's
 * list holds. Proposed for article pages with a session (today the api reads the current article's
 * list alone); {@code reco evaluate} reports it as {@code served-session}.
 */
public final class SessionBlend {

  private SessionBlend() {}

  /**
   * @param newestFirst each read's published list, best first, newest read first
   * @return every listed item once, best blended score first (ties: first listed), reason read-together
   */
  public static List<Suggestion> blend(List<List<Suggestion>> newestFirst) {
    Map<String, Double> score = new LinkedHashMap<>();
    for (int j = 0; j < newestFirst.size(); j++) {
      List<Suggestion> list = newestFirst.get(j);
      for (int r = 0; r < list.size(); r++) {
        score.merge(list.get(r).articleId(), (list.size() - r) / (double) list.size() / (j + 1), Double::sum);
      }
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(score.entrySet());
    ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed()); // stable: ties keep the first-listed order
    List<Suggestion> out = new ArrayList<>(ranked.size());
    for (Map.Entry<String, Double> e : ranked) {
      out.add(new Suggestion(e.getKey(), e.getValue(), Reason.READ_TOGETHER));
    }
    return out;
  }
}
