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
 * list holds. The api's rule for article pages with a session when
 * {@code eplly.recommend.session-blend} is on ({@link ServingDefaults#SESSION_BLEND});
 * {@code reco evaluate} reports the served path both ways.
 */
public final class SessionBlend {

  private SessionBlend() {}

  /**
   * Whose lists are blended on {@code current}'s page: the current article, then the session's
   * newest other reads, {@code max} in all.
   *
   * @param sessionNewestFirst the session's reads, newest first (may hold {@code current})
   */
  public static List<String> seeds(String current, List<String> sessionNewestFirst, int max) {
    List<String> out = new ArrayList<>(max);
    out.add(current);
    for (String read : sessionNewestFirst) {
      if (out.size() >= max) {
        break;
      }
      if (!out.contains(read)) {
        out.add(read);
      }
    }
    return out;
  }

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
