package com.eplly.ingest.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.eplly.contracts.content.ContentNeighbour;
import com.eplly.contracts.event.Article;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveContentIndexTest {

  private static final long NOW = 1_800_000_000_000L;

  @Test
  void cosineOfTfIdfVectorsWithSmoothedIdf() {
    LiveContentIndex index = new LiveContentIndex(100, Duration.ofDays(1), 0);
    index.put(article("a", "alpha beta", "x", NOW), NOW);
    index.put(article("b", "alpha gamma", "x", NOW), NOW);
    index.put(article("c", "delta", "x", NOW), NOW);
    // n = 3; idf(alpha) = ln(4/3) (df 2), idf(beta) = idf(gamma) = ln(4/2) (df 1);
    // a = (alpha ln(4/3), beta ln 2), b = (alpha ln(4/3), gamma ln 2): cos = ln(4/3)^2 / (ln(4/3)^2 + ln(2)^2)
    double shared = Math.pow(Math.log(4.0 / 3), 2);
    double expected = shared / (shared + Math.pow(Math.log(2), 2));
    List<ContentNeighbour> ofA = index.similar("a", 10, 0);
    assertThat(ofA).hasSize(1); // c shares no term
    assertThat(ofA.get(0).articleId()).isEqualTo("b");
    assertThat(ofA.get(0).score()).isCloseTo(expected, within(1e-12)).isCloseTo(0.14695, within(1e-5));
    assertThat(index.similar("b", 10, 0).get(0).score()).isCloseTo(expected, within(1e-12)); // symmetric
  }

  @Test
  void sameWordsScoreOneAndTermFrequencyCounts() {
    LiveContentIndex index = new LiveContentIndex(100, Duration.ofDays(1), 0);
    index.put(article("a", "mars rover", "x", NOW), NOW);
    index.put(article("b", "Mars, rover!", "x", NOW), NOW);
    index.put(article("c", "mars mars rover", "x", NOW), NOW);
    index.put(article("d", "budget vote", "x", NOW), NOW);
    List<ContentNeighbour> ofA = index.similar("a", 10, 0);
    assertThat(ofA).extracting(ContentNeighbour::articleId).containsExactly("b", "c");
    assertThat(ofA.get(0).score()).isCloseTo(1.0, within(1e-12));
    // idf(mars) = idf(rover) = ln(5/4) = w: a = (w, w), c = (2w, w): cos = 3w² / (√2 w · √5 w) = 3 / √10
    assertThat(ofA.get(1).score()).isCloseTo(3 / Math.sqrt(10), within(1e-12));
  }

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
