package com.eplly.api.recommend;

import com.eplly.contracts.serving.MergeRequest;
import com.eplly.contracts.serving.RecommendationMerger;
import com.eplly.contracts.serving.CandidateLists;
import com.eplly.contracts.serving.Recommended;
import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The merger's rules over many random requests: whatever the sources hold, the current article,
 * read, excluded, hidden, expired and unknown articles never appear, ids are unique, every item has
 * a reason, the limit holds, and a category exceeds its share only when nothing else was left;
 * the lazy serving path gives the same answer as the eager one.
 */
class RecommendationMergerPropertyTest {

  private static final long NOW = 1_800_000_000_000L;
  private static final int RUNS = 2_000;

  @Test
  void rulesHoldForRandomRequests() {
    Random rnd = new Random(20260101L);
    for (int run = 0; run < RUNS; run++) {
      checkOnce(rnd, run);
    }
  }

  private static void checkOnce(Random rnd, int run) {
    int universe = 5 + rnd.nextInt(60);
    String[] categories = {"world", "sport", "tech", "health", "culture"};
    int categoryCount = 1 + rnd.nextInt(categories.length);
    Map<String, Article> articles = new HashMap<>();
    for (int i = 0; i < universe; i++) {
      if (rnd.nextInt(10) == 0) {
        continue; // unknown to the catalog
      }
      String id = "a" + i;
      boolean hidden = rnd.nextInt(8) == 0;
      Long expiresAt = null;
      if (rnd.nextInt(8) == 0) {
        expiresAt = NOW - rnd.nextInt(1000);
      } else if (rnd.nextBoolean()) {
        expiresAt = NOW + 1000;
      }
      long publishedAt = rnd.nextInt(20) == 0 ? NOW + 60_000 : NOW - 1000; // a few not yet published
      articles.put(id, new Article(id, "Title " + id, "https://x/" + id,
          categories[rnd.nextInt(categoryCount)], publishedAt, null, List.of(), expiresAt, hidden));
    }
    String current = rnd.nextBoolean() ? "a" + rnd.nextInt(universe) : null;
    Set<String> exclude = randomIds(rnd, universe, rnd.nextInt(6));
    Set<String> read = randomIds(rnd, universe, rnd.nextInt(10));
    int limit = 1 + rnd.nextInt(12);
    double share = 0.2 + 0.8 * rnd.nextDouble();
    MergeRequest query = new MergeRequest(current, limit, exclude);
    CandidateLists sources = new CandidateLists(
        randomList(rnd, universe), randomList(rnd, universe), randomList(rnd, universe),
        randomList(rnd, universe), randomList(rnd, universe), randomList(rnd, universe),
        randomList(rnd, universe), read);

    RecommendationMerger merger = new RecommendationMerger(share);
    List<Suggestion> candidates = merger.candidates(query, sources);
    List<Recommended> out = merger.select(candidates, articles, limit, NOW);

    String where = "run " + run;
    // the serving path: lazy walk, metadata asked for a growing prefix of the candidates only
    List<String> asked = new ArrayList<>();
    List<Recommended> lazy = merger.merge(query, sources, batch -> {
      asked.addAll(batch);
      Map<String, Article> known = new HashMap<>();
      batch.stream().filter(articles::containsKey).forEach(id -> known.put(id, articles.get(id)));
      return known;
    }, NOW);
    assertThat(lazy).as(where + " lazy merge").isEqualTo(out);
    assertThat(asked).as(where + " metadata asked").isEqualTo(
        candidates.stream().map(Suggestion::articleId).limit(asked.size()).toList());
    assertThat(out).as(where).hasSizeLessThanOrEqualTo(limit);
    Set<String> ids = new HashSet<>();
    Map<String, Integer> perCategory = new HashMap<>();
    for (Recommended r : out) {
      String id = r.article().articleId();
      assertThat(ids.add(id)).as(where + " unique " + id).isTrue();
      assertThat(id).as(where).isNotEqualTo(current);
      assertThat(exclude).as(where).doesNotContain(id);
      assertThat(read).as(where).doesNotContain(id);
      assertThat(articles).as(where).containsKey(id);
      assertThat(articles.get(id).servableAt(NOW)).as(where + " servable " + id).isTrue();
      assertThat(r.suggestion().reason()).as(where).isNotNull();
      perCategory.merge(r.article().category(), 1, Integer::sum);
    }
    int cap = Math.max(1, (int) Math.floor(share * limit));
    boolean overCap = perCategory.values().stream().anyMatch(n -> n > cap);
    if (overCap) {
      // relaxed only because every servable candidate of a category below its cap was already taken
      for (Suggestion c : candidates) {
        Article a = articles.get(c.articleId());
        if (a != null && a.servableAt(NOW) && !ids.contains(c.articleId())) {
          assertThat(perCategory.getOrDefault(a.category(), 0)).as(where + " left out " + c.articleId())
              .isGreaterThanOrEqualTo(cap);
        }
      }
    }
    // and it is as long as it can be: short only when the servable candidates ran out
    long servable = candidates.stream()
        .filter(c -> articles.containsKey(c.articleId()) && articles.get(c.articleId()).servableAt(NOW)).count();
    assertThat(out).as(where).hasSize((int) Math.min(limit, servable));
  }

  private static Set<String> randomIds(Random rnd, int universe, int n) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      ids.add("a" + rnd.nextInt(universe));
    }
    return ids;
  }

  private static List<Suggestion> randomList(Random rnd, int universe) {
    Reason[] reasons = Reason.values();
    List<Suggestion> list = new ArrayList<>();
    int n = rnd.nextInt(15);
    for (int i = 0; i < n; i++) {
      list.add(new Suggestion("a" + rnd.nextInt(universe), rnd.nextDouble(), reasons[rnd.nextInt(reasons.length)]));
    }
    return list;
  }
}
