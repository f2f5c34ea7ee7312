package com.eplly.api.recommend;

import com.eplly.contracts.serving.MergeRequest;
import com.eplly.contracts.serving.RecommendationMerger;
import com.eplly.contracts.serving.CandidateLists;
import com.eplly.contracts.serving.Recommended;
import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How live content neighbours (ingest's {@code similar:{id}} sets) merge with the other sources. */
class RecommendationMergerLiveSimilarTest {

  private static final long NOW = 1_800_000_000_000L;
  private static final RecommendationMerger MERGER = new RecommendationMerger(1.0);

  @Test
  void theBestTwoLeadTheRestFollowTheLiveCoVisitsAllAsSimilarContent() {
    Map<String, Article> articles = new HashMap<>();
    for (String id : List.of("f1", "f2", "m1", "m2", "c1", "t1")) {
      articles.put(id, article(id, false, null));
    }
    articles.put("hidden", article("hidden", true, null));
    articles.put("expired", article("expired", false, NOW));
    CandidateLists src = new CandidateLists(
        List.of(s("m1", Reason.READ_TOGETHER), s("m2", Reason.SIMILAR_CONTENT)),
        List.of(s("c1", Reason.READ_TOGETHER)), List.of(),
        List.of(), List.of(s("t1", Reason.TRENDING)), List.of(), List.of(),
        Set.of("read"),
        List.of(s("read", Reason.READ_TOGETHER), s("f1", Reason.READ_TOGETHER), s("hidden", Reason.READ_TOGETHER),
            s("m1", Reason.READ_TOGETHER), s("expired", Reason.READ_TOGETHER), s("f2", Reason.READ_TOGETHER)));

    List<Recommended> out = MERGER.merge(new MergeRequest("cur", 10, Set.of()), src, articles, NOW);

    // lead: the first two not already read (f1, hidden); hidden and expired never show; m1 keeps its model reason
    assertThat(out).extracting(r -> r.article().articleId() + "/" + r.suggestion().reason().wireName())
        .containsExactly("f1/similar-content", "m1/read-together", "m2/similar-content", "c1/read-together",
            "f2/similar-content", "t1/trending");
  }

  private static Suggestion s(String id, Reason reason) {
    return new Suggestion(id, 0.5, reason);
  }

  private static Article article(String id, boolean hidden, Long expiresAt) {
    return new Article(id, "Title " + id, "https://news.example/" + id, "cat-" + id, NOW - 60_000, null, List.of(),
        expiresAt, hidden);
  }
}
