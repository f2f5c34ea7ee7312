package com.eplly.api.recommend;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Suggestion;
import java.util.List;
import java.util.Map;

/**
 * Last-known fallback state, served when Redis is unreachable.
 *
 * @param version  the model version the lists came from, or null
 * @param trending trending articles when it was taken
 * @param popular  the version's popular list
 * @param latest   the newest articles
 * @param articles metadata of every article in those lists
 * @param takenAt  when it was taken, epoch ms (0 for the empty snapshot)
 */
public record Snapshot(
    String version,
    List<Suggestion> trending,
    List<Suggestion> popular,
    List<Suggestion> latest,
    Map<String, Article> articles,
    long takenAt) {

  public Snapshot {
    trending = List.copyOf(trending);
    popular = List.copyOf(popular);
    latest = List.copyOf(latest);
    articles = Map.copyOf(articles);
  }

  /** What the api knows before its first successful refresh: nothing. */
  public static Snapshot empty() {
    return new Snapshot(null, List.of(), List.of(), List.of(), Map.of(), 0L);
  }
}
