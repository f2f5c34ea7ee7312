package com.eplly.contracts.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.contracts.editorial.EditorialRule;
import com.eplly.contracts.editorial.EditorialRules;
import com.eplly.contracts.editorial.PageRules;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each editorial rule's effect on the merge, as RecommendationMerger's Javadoc states it. */
class EditorialMergeTest {

  private static final long NOW = 1_800_000_000_000L;
  private static final Instant AT = Instant.ofEpochMilli(NOW);
  private static final Instant END = AT.plusSeconds(3600);

  private final Map<String, Article> articles = new HashMap<>();
  private final List<EditorialRule> rules = new ArrayList<>();

  private void article(String id, String section, String... tags) {
    articles.put(id, new Article(id, "Title " + id, "https://x/" + id, section, NOW - 1000, null, List.of(tags),
        null, false));
  }

  /** c1..cn in the model's list, each in its own section so the cap stays out of the way. */
  private List<Suggestion> model(int n) {
    List<Suggestion> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      article("c" + i, "s" + i);
      out.add(new Suggestion("c" + i, 1.0 / i, Reason.SIMILAR_READERS));
    }
    return out;
  }

  private void rule(EditorialRule r) {
    rules.add(r.stored("r" + rules.size(), AT.minusSeconds(100 - rules.size()))); // later rules are younger
  }

  private PageRules page(String section, String... tags) {
    return EditorialRules.compile(rules, AT).forPage(section, List.of(tags));
  }

  private List<String> serve(List<Suggestion> model, double share, MergeRequest query, Set<String> read,
      PageRules page) {
    CandidateLists sources = new CandidateLists(model, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), read);
    RecommendationMerger merger = new RecommendationMerger(share);
    List<Recommended> eager = merger.merge(query, sources, articles, NOW, page);
    List<Recommended> lazy = merger.merge(query, sources, this::known, NOW, page);
    assertEquals(eager, lazy, "lazy and eager agree");
    return eager.stream().map(r -> r.article().articleId()
        + (r.suggestion().reason() == Reason.EDITORS_PICK ? "*" : "")).toList();
  }

  private List<String> serve(List<Suggestion> model, int limit, PageRules page) {
    return serve(model, 1.0, new MergeRequest(null, limit, Set.of()), Set.of(), page);
  }

  private Map<String, Article> known(List<String> ids) {
    Map<String, Article> out = new HashMap<>();
    ids.stream().filter(articles::containsKey).forEach(id -> out.put(id, articles.get(id)));
    return out;
  }

  @Test
  void aBlockedArticleSectionOrTagIsSkippedLikeAHiddenOne() {
    List<Suggestion> model = model(6);
    article("c2", "s2", "graphic");
    rule(EditorialRule.blockArticle("c1", null, "ed"));
    rule(EditorialRule.blockTag("graphic", END, "ed"));
    rule(EditorialRule.blockSection("s4", END, "ed"));

    assertEquals(List.of("c3", "c5", "c6"), serve(model, 3, page(null)));
  }

  @Test
  void aBlockedIdIsNotEvenLookedUp() {
    List<Suggestion> model = model(3);
    rule(EditorialRule.blockArticle("c1", null, "ed"));
    CandidateLists sources = new CandidateLists(model, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), Set.of());

    List<Suggestion> candidates = new RecommendationMerger(1.0).candidates(new MergeRequest(null, 2, Set.of()),
        sources, page(null));

    assertEquals(List.of("c2", "c3"), candidates.stream().map(Suggestion::articleId).toList());
  }

  @Test
  void aFactorActsOnRankAndOneChangesNothing() {
    List<Suggestion> model = model(10);
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6"), serve(model, 6, page(null)));

    article("c10", "s10", "mars");
    rule(EditorialRule.boostTag("mars", 2, null, END, "ed"));
    // 10 / 2 = 5 ties with c5, which keeps its place ahead
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c10"), serve(model, 6, page(null)));

    rules.clear();
    rule(EditorialRule.boostSection("s3", 0.5, null, END, "ed"));
    // 3 / 0.5 = 6 ties with c6 and stays ahead of it
    assertEquals(List.of("c1", "c2", "c4", "c5", "c3", "c6"), serve(model, 6, page(null)));

    rules.clear();
    rule(EditorialRule.boostSection("s3", 1, null, END, "ed"));
    rule(EditorialRule.boostTag("mars", 1, null, END, "ed"));
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6"), serve(model, 6, page(null)));
  }

  @Test
  void theLazyWalkReadsAsFarAsABoostCanReach() {
    List<Suggestion> model = model(60);
    article("c20", "s20", "mars");
    rule(EditorialRule.boostTag("mars", 4, null, END, "ed"));

    // 20 / 4 = 5: from beyond the first batch of metadata (18 ids) into the list
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c20"), serve(model, 6, page(null)));
  }

  @Test
  void aPinTakesItsSlotOnItsPagesOnlyAndPushesTheOthersDown() {
    List<Suggestion> model = model(5);
    article("p", "politics");
    rule(EditorialRule.pinOnTag("p", "election", 2, null, END, "ed"));

    assertEquals(List.of("c1", "p*", "c2", "c3"), serve(model, 4, page("politics", "election")));
    assertEquals(List.of("c1", "c2", "c3", "c4"), serve(model, 4, page("politics", "budget")));
    assertEquals(List.of("c1", "c2", "c3", "c4"), serve(model, 4, page(null)));
  }

  @Test
  void aPinBeyondTheListComesLastAndBeyondTheLimitPinsNothing() {
    List<Suggestion> model = model(2);
    article("p", "politics");
    rule(EditorialRule.pinOnSection("p", "politics", 5, null, END, "ed"));

    assertEquals(List.of("c1", "c2", "p*"), serve(model, 6, page("politics")));
    assertEquals(List.of("c1", "c2"), serve(model, 4, page("politics")));
  }

  @Test
  void aPinIsNeverTheCurrentAReadAnExcludedAHiddenOrABlockedArticle() {
    List<Suggestion> model = model(4);
    article("p", "politics", "budget");
    rule(EditorialRule.pinOnSection("p", "politics", 1, null, END, "ed"));
    PageRules page = page("politics");
    List<String> unpinned = List.of("c1", "c2", "c3");

    assertEquals(List.of("p*", "c1", "c2"), serve(model, 3, page));
    assertEquals(unpinned, serve(model, 1.0, new MergeRequest("p", 3, Set.of()), Set.of(), page));
    assertEquals(unpinned, serve(model, 1.0, new MergeRequest(null, 3, Set.of("p")), Set.of(), page));
    assertEquals(unpinned, serve(model, 1.0, new MergeRequest(null, 3, Set.of()), Set.of("p"), page));
    articles.put("p", new Article("p", "Title p", "https://x/p", "politics", NOW - 1000, null, List.of(), NOW, false));
    assertEquals(unpinned, serve(model, 3, page), "expired");
    article("p", "politics", "budget");
    rule(EditorialRule.blockTag("budget", END, "ed"));
    assertEquals(unpinned, serve(model, 3, page("politics")), "a block wins over a pin");
  }

  @Test
  void theOlderEligiblePinWinsASlot() {
    List<Suggestion> model = model(4);
    article("old", "politics");
    article("young", "politics");
    rule(EditorialRule.pinOnSection("old", "politics", 1, null, END, "ed"));
    rule(EditorialRule.pinOnTag("young", "election", 1, null, END, "ed"));

    assertEquals(List.of("old*", "c1", "c2"), serve(model, 3, page("politics", "election")));
    articles.put("old", new Article("old", "Old", "https://x/old", "politics", NOW - 1000, null, List.of(), null,
        true));
    assertEquals(List.of("young*", "c1", "c2"), serve(model, 3, page("politics", "election")),
        "the older pin's article is hidden: the younger one takes the slot");
  }

  @Test
  void pinnedArticlesCountTowardsTheirCategorysShare() {
    List<Suggestion> model = new ArrayList<>();
    for (String id : List.of("x1", "x2", "x3", "y1", "y2")) {
      article(id, id.startsWith("x") ? "politics" : "sport");
      model.add(new Suggestion(id, 1, Reason.SIMILAR_READERS));
    }
    article("p", "politics");
    rule(EditorialRule.pinOnSection("p", "politics", 1, null, END, "ed"));

    List<String> out = serve(model, 0.5, new MergeRequest(null, 4, Set.of()), Set.of(), page("politics"));

    assertEquals(List.of("p*", "x1", "y1", "y2"), out, "politics holds its 2 of 4 with the pin");
  }
}
