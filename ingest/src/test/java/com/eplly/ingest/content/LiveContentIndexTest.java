package com.eplly.ingest.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.content.ContentNeighbour;
import com.eplly.contracts.event.Article;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live index's bounds around contracts' TF-IDF rule (whose own tests are TfIdfIndexTest). */
class LiveContentIndexTest {

  private static final long NOW = 1_800_000_000_000L;

  @Test
  void theCategoryTokenMakesSameSectionArticlesCloser() {
    LiveContentIndex index = new LiveContentIndex(100, Duration.ofDays(1), 2);
    index.put(article("a", "storm warning", "science", NOW), NOW);
    index.put(article("b", "storm damage", "science", NOW), NOW);
    index.put(article("c", "storm season", "sports", NOW), NOW);
    index.put(article("d", "title race", "sports", NOW), NOW);
    List<ContentNeighbour> ofA = index.similar("a", 10, 0);
    assertThat(ofA).extracting(ContentNeighbour::articleId).containsExactly("b", "c");
    assertThat(ofA.get(0).score()).isGreaterThan(ofA.get(1).score());
    assertThat(index.similar("a", 1, 0)).hasSize(1);
    assertThat(index.similar("a", 10, ofA.get(0).score())).extracting(ContentNeighbour::articleId).containsExactly("b");
  }

  @Test
  void keepsTheNewestArticlesWithinTheAgeLimit() {
    LiveContentIndex index = new LiveContentIndex(3, Duration.ofHours(1), 0);
    assertThat(index.put(article("old", "mars rover", "x", NOW - Duration.ofHours(2).toMillis()), NOW)).isFalse();
    index.put(article("a", "mars rover", "x", NOW - 4), NOW);
    index.put(article("b", "mars rover", "x", NOW - 3), NOW);
    index.put(article("c", "mars rover", "x", NOW - 2), NOW);
    index.put(article("d", "budget vote", "x", NOW - 1), NOW);
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.contains("a")).isFalse();
    assertThat(index.contains("old")).isFalse();
    assertThat(index.similar("c", 10, 0)).extracting(ContentNeighbour::articleId).containsExactly("b");
    assertThat(index.similar("a", 10, 0)).isEmpty();
  }

  @Test
  void removedOrReplacedArticlesLeaveNoTrace() {
    LiveContentIndex index = new LiveContentIndex(100, Duration.ofDays(1), 0);
    index.put(article("a", "mars rover", "x", NOW), NOW);
    index.put(article("b", "mars probe", "x", NOW), NOW);
    index.put(article("c", "budget vote", "x", NOW), NOW);
    index.put(article("b", "budget talks", "x", NOW), NOW); // b now shares words with c, not with a
    assertThat(index.similar("a", 10, 0)).isEmpty();
    assertThat(index.similar("c", 10, 0)).extracting(ContentNeighbour::articleId).containsExactly("b");
    index.remove("b");
    assertThat(index.similar("c", 10, 0)).isEmpty();
    assertThat(index.size()).isEqualTo(2);
  }

  private static Article article(String id, String title, String category, long publishedAt) {
    return new Article(id, title, "https://example.org/" + id, category, publishedAt, null, List.of(), null, false);
  }
}
