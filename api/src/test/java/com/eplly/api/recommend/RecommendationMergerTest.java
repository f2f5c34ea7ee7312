package com.eplly.api.recommend;

import com.eplly.contracts.serving.MergeRequest;
import com.eplly.contracts.serving.RecommendationMerger;
import com.eplly.contracts.serving.CandidateLists;
import com.eplly.contracts.serving.Recommended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RecommendationMergerTest {

  private static final long NOW = 1_800_000_000_000L;
  private static final RecommendationMerger MERGER = new RecommendationMerger(0.5);

  private final Map<String, Article> articles = new HashMap<>();

  private Article article(String id, String category) {
    Article a = new Article(id, "Title " + id, "https://news.example/" + id, category,
        NOW - 3_600_000, null, List.of(), null, false);
    articles.put(id, a);
    return a;
  }

  private static Suggestion s(String id, Reason reason) {
    return new Suggestion(id, 1.0, reason);
  }

  private static MergeRequest query(String articleId, int limit, Set<String> exclude) {
    return new MergeRequest(articleId, limit, exclude);
  }

  private static CandidateLists sources(
      List<Suggestion> neighbours, List<Suggestion> coVisits, List<Suggestion> reader,
      List<Suggestion> trending, List<Suggestion> popular, List<Suggestion> latest, Set<String> read) {
    return new CandidateLists(neighbours, coVisits, reader, trending, popular, latest, read);
  }

  private static List<String> ids(List<Recommended> items) {
    return items.stream().map(r -> r.article().articleId()).toList();
  }

  @Test
  void fallsBackInSourceOrderAndKeepsReasons() {
    for (String id : List.of("n1", "c1", "p1", "t1", "pop1", "l1")) {
      article(id, "cat-" + id); // distinct categories: no cap interference
    }
    CandidateLists src = sources(
        List.of(s("n1", Reason.SIMILAR_CONTENT)),
        List.of(s("c1", Reason.SIMILAR_READERS)), // live co-visits are read-together whatever they say
        List.of(s("p1", Reason.SIMILAR_READERS)),
        List.of(s("t1", Reason.TRENDING)),
        List.of(s("pop1", Reason.SIMILAR_READERS)), // popular list is labelled popular
        List.of(s("l1", Reason.LATEST)),
        Set.of());

    List<Recommended> out = MERGER.merge(query("x", 10, Set.of()), src, articles, NOW);

    assertThat(ids(out)).containsExactly("n1", "c1", "p1", "t1", "pop1", "l1");
    assertThat(out).extracting(r -> r.suggestion().reason()).containsExactly(
        Reason.SIMILAR_CONTENT, Reason.READ_TOGETHER, Reason.SIMILAR_READERS,
        Reason.TRENDING, Reason.POPULAR, Reason.LATEST);
  }

  /**
   * A reader's page without an article: neighbours of the session's reads lead, the profile comes
   * next, and neighbours of older reads (no session reads) only after it, then the fallbacks.
   */
  @Test
  void sessionNeighboursLeadTheProfileAndOlderReadsNeighboursFollowIt() {
    for (String id : List.of("s1", "p1", "h1", "t1", "pop1", "l1")) {
      article(id, "cat-" + id);
    }
    CandidateLists src = new CandidateLists(List.of(), List.of(),
        List.of(s("s1", Reason.READ_TOGETHER)),
        List.of(s("p1", Reason.SIMILAR_READERS)),
        List.of(s("h1", Reason.READ_TOGETHER)),
        List.of(s("t1", Reason.TRENDING)),
        List.of(s("pop1", Reason.POPULAR)),
        List.of(s("l1", Reason.LATEST)),
        Set.of(), List.of());

    List<Recommended> out = MERGER.merge(query(null, 10, Set.of()), src, articles, NOW);

    assertThat(ids(out)).containsExactly("s1", "p1", "h1", "t1", "pop1", "l1");
  }

  @Test
  void neverShowsCurrentReadHiddenExpiredExcludedOrUnknownArticles() {
    article("current", "a");
    article("read", "b");
    article("excluded", "c");
    article("ok1", "d");
    article("ok2", "e");
    articles.put("hidden", new Article("hidden", "Hidden", "https://x/h", "f", NOW - 10, null,
        List.of(), null, true));
    articles.put("expired", new Article("expired", "Expired", "https://x/e", "g", NOW - 10, null,
        List.of(), NOW, false)); // expires exactly now: no longer servable
    List<Suggestion> all = List.of(
        s("current", Reason.READ_TOGETHER), s("read", Reason.READ_TOGETHER),
        s("hidden", Reason.READ_TOGETHER), s("expired", Reason.READ_TOGETHER),
        s("excluded", Reason.READ_TOGETHER), s("unknown", Reason.READ_TOGETHER),
        s("ok1", Reason.READ_TOGETHER), s("ok2", Reason.READ_TOGETHER));
    CandidateLists src = sources(all, all, all, all, all, all, Set.of("read"));

    List<Recommended> out = MERGER.merge(query("current", 10, Set.of("excluded")), src, articles, NOW);

    assertThat(ids(out)).containsExactly("ok1", "ok2");
  }

  @Test
  void eachArticleOnceWithItsFirstReason() {
    article("a", "x");
    article("b", "y");
    CandidateLists src = sources(
        List.of(s("a", Reason.READ_TOGETHER)), List.of(s("a", Reason.READ_TOGETHER)),
        List.of(s("b", Reason.SIMILAR_READERS), s("a", Reason.SIMILAR_READERS)),
        List.of(s("b", Reason.TRENDING)), List.of(s("a", Reason.POPULAR)), List.of(), Set.of());

    List<Recommended> out = MERGER.merge(query(null, 10, Set.of()), src, articles, NOW);

    assertThat(out).extracting(r -> r.article().articleId() + "/" + r.suggestion().reason().wireName())
        .containsExactly("a/read-together", "b/similar-readers");
  }

  @Test
  void dropsNearDuplicateTitles() {
    article("a", "x");
    articles.put("a-copy", new Article("a-copy", "title A!", "https://x/ac", "y", NOW - 10, null,
        List.of(), null, false));
    article("b", "z");
    CandidateLists src = sources(
        List.of(s("a", Reason.READ_TOGETHER), s("a-copy", Reason.READ_TOGETHER), s("b", Reason.READ_TOGETHER)),
        List.of(), List.of(), List.of(), List.of(), List.of(), Set.of());

    assertThat(ids(MERGER.merge(query(null, 10, Set.of()), src, articles, NOW))).containsExactly("a", "b");
  }

  @Test
  void capsOneCategoryShare() {
    for (String id : List.of("s1", "s2", "s3", "s4")) {
      article(id, "sport");
    }
    article("w1", "world");
    article("w2", "world");
    article("h1", "health");
    List<Suggestion> ranked = List.of("s1", "s2", "s3", "s4", "w1", "w2", "h1").stream()
        .map(id -> s(id, Reason.POPULAR)).toList();
    CandidateLists src = sources(List.of(), List.of(), List.of(), List.of(), ranked, List.of(), Set.of());

    List<Recommended> out = MERGER.merge(query(null, 4, Set.of()), src, articles, NOW);

    // limit 4 at share 0.5: at most 2 per category, and there are enough others to fill
    assertThat(ids(out)).containsExactly("s1", "s2", "w1", "w2");
  }

  @Test
  void relaxesTheCapOnlyWhenTheListWouldBeShort() {
    for (String id : List.of("s1", "s2", "s3", "s4")) {
      article(id, "sport");
    }
    article("w1", "world");
    List<Suggestion> ranked = List.of("s1", "s2", "s3", "s4", "w1").stream()
        .map(id -> s(id, Reason.POPULAR)).toList();
    CandidateLists src = sources(List.of(), List.of(), List.of(), List.of(), ranked, List.of(), Set.of());

    List<Recommended> out = MERGER.merge(query(null, 4, Set.of()), src, articles, NOW);

    // capped items come after the uncapped ones, in their original order
    assertThat(ids(out)).containsExactly("s1", "s2", "w1", "s3");
  }

  @Test
  void honoursTheLimit() {
    List<Suggestion> ranked = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      article("a" + i, "c" + i);
      ranked.add(s("a" + i, Reason.TRENDING));
    }
    CandidateLists src = sources(List.of(), List.of(), List.of(), ranked, List.of(), List.of(), Set.of());

    assertThat(MERGER.merge(query(null, 7, Set.of()), src, articles, NOW)).hasSize(7);
    assertThat(MERGER.merge(query(null, 1, Set.of()), src, articles, NOW)).hasSize(1);
  }

  @Test
  void candidatesNeedNoMetadataAndAreAlreadyFiltered() {
    CandidateLists src = sources(
        List.of(s("cur", Reason.READ_TOGETHER), s("a", Reason.READ_TOGETHER)),
        List.of(s("r", Reason.READ_TOGETHER)), List.of(), List.of(s("a", Reason.TRENDING)),
        List.of(s("e", Reason.POPULAR), s("b", Reason.POPULAR)), List.of(), Set.of("r"));

    assertThat(MERGER.candidates(query("cur", 5, Set.of("e")), src))
        .extracting(Suggestion::articleId).containsExactly("a", "b");
  }

  @Test
  void titleKeyNormalisesLikeTheRegexItReplaces() {
    Pattern notWord = Pattern.compile("[^\\p{L}\\p{N}]+");
    for (String title : List.of("Mars sample return: what we know", "  MARS -- Sample, Return!! ",
        "Ünïcödé ½ Ⅻ 𝟘 ڡ 中文标题", "", "...", "a", "x\ty\u00a0z", "İstanbul ΣΑΣ")) {
      Article a = new Article("id", title, "u", "c", 0L, null, List.of(), null, false);
      assertThat(RecommendationMerger.titleKey(a)).as(title)
          .isEqualTo(notWord.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").trim());
    }
  }

  @Test
  void rejectsAnInvalidShare() {
    assertThatThrownBy(() -> new RecommendationMerger(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecommendationMerger(1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
