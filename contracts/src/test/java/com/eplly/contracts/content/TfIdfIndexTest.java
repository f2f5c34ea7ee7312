package com.eplly.contracts.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfIndexTest {

  @Test
  void cosineOfTfIdfVectorsWithSmoothedIdf() {
    TfIdfIndex index = index(article("a", "alpha beta"), article("b", "alpha gamma"), article("c", "delta"));
    // n = 3; idf(alpha) = ln(4/3) (df 2), idf(beta) = idf(gamma) = ln(4/2) (df 1);
    // a = (alpha ln(4/3), beta ln 2), b = (alpha ln(4/3), gamma ln 2): cos = ln(4/3)^2 / (ln(4/3)^2 + ln(2)^2)
    double shared = Math.pow(Math.log(4.0 / 3), 2);
    double expected = shared / (shared + Math.pow(Math.log(2), 2));

    List<ContentNeighbour> ofA = index.similar("a", 10, 0);
    assertEquals(List.of("b"), ids(ofA)); // c shares no term
    assertEquals(expected, ofA.get(0).score(), 1e-12);
    assertEquals(expected, index.similar("b", 10, 0).get(0).score(), 1e-12); // symmetric
    assertEquals(Math.log(4.0 / 3), TfIdfIndex.idf(3, 2), 1e-15);
    assertEquals(0.0, TfIdfIndex.idf(3, 3));
  }

  @Test
  void termFrequencyCountsAndATermInEveryArticleWeighsNothing() {
    TfIdfIndex index = index(article("a", "mars rover news"), article("b", "Mars, rover! news"),
        article("c", "mars mars rover news"), article("d", "budget vote news"));

    List<ContentNeighbour> ofA = index.similar("a", 10, 0);
    assertEquals(List.of("b", "c"), ids(ofA)); // d shares only "news", which every article holds
    assertEquals(1.0, ofA.get(0).score(), 1e-12);
    // idf(mars) = idf(rover) = ln(5/4) = w: a = (w, w), c = (2w, w): cos = 3w² / (√2 w · √5 w) = 3 / √10
    assertEquals(3 / Math.sqrt(10), ofA.get(1).score(), 1e-12);
  }

  @Test
  void everyChangeOfTheIndexChangesTheIdfOfTheRest() {
    TfIdfIndex index = index(article("a", "mars rover"), article("b", "mars probe"), article("c", "budget vote"));
    double before = index.similar("a", 10, 0).get(0).score();

    index.put(article("d", "budget talks")); // n = 4: idf(mars) = ln(5/3), no longer ln(4/3)
    assertTrue(Math.abs(index.similar("a", 10, 0).get(0).score() - before) > 1e-3);
    index.remove("d");
    assertEquals(before, index.similar("a", 10, 0).get(0).score(), 1e-15);
    index.put(article("b", "budget probe")); // replaced: shares no word with a any more
    assertTrue(index.similar("a", 10, 0).isEmpty());
    assertEquals(List.of("b"), ids(index.similar("c", 10, 0)));
    assertEquals(3, index.size());
  }

  private static TfIdfIndex index(Article... articles) {
    TfIdfIndex index = new TfIdfIndex(0);
    for (Article a : articles) {
      index.put(a);
    }
    return index;
  }

  private static List<String> ids(List<ContentNeighbour> neighbours) {
    return neighbours.stream().map(ContentNeighbour::articleId).toList();
  }

  private static Article article(String id, String title) {
    return new Article(id, title, "https://example.org/" + id, "x", 0, null, List.of(), null, false);
  }
}
