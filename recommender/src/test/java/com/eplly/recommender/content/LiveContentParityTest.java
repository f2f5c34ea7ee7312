package com.eplly.recommender.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.content.ContentNeighbour;
import com.eplly.contracts.content.ContentText;
import com.eplly.contracts.content.TfIdfIndex;
import com.eplly.contracts.event.Article;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.datasets.CatalogItem;
import com.eplly.recommender.datasets.DatasetFrames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ingest's live content index ({@code contracts}' {@link TfIdfIndex}) and the trained content model
 * ({@link ContentSimilarity}, MLlib) must rank the same neighbours for the same catalog: same
 * articles in the same order, scores equal within {@link #TOLERANCE} (the two sum the same products
 * in another order). The one intended difference, IDF over the live index's recent catalog rather
 * than the training's whole catalog, is tested as such: the live index over the newest articles
 * agrees with a model trained on those articles, not with the one trained on all.
 */
@SparkTest
class LiveContentParityTest {

  /** Largest score difference taken as equal; ties within it may come in either order. */
  private static final double TOLERANCE = 1e-12;

  private static final List<String> SECTIONS = List.of("science", "politics", "sports", "health", "Local News", "world");
  private static final List<String> WORDS = vocabulary(160);
  private static final List<Article> CATALOG = catalog(240, new Random(16));

  private static SparkSession spark;
  /** The model trained on {@link #CATALOG}: fitting is the slow part, so both tests share it. */
  private static Map<String, List<ContentNeighbour>> trainedOnAll;

  @BeforeAll
  static void start(SparkSession session) {
    spark = session;
    assertNoHashCollisions(CATALOG);
    trainedOnAll = trained(CATALOG);
  }

  @Test
  void theLiveIndexRanksTheTrainedModelsNeighboursForTheSameCatalog() {
    Map<String, List<ContentNeighbour>> live = live(CATALOG);

    int compared = 0;
    for (Article a : CATALOG) {
      compared += assertSameNeighbours(a.articleId(), trainedOnAll.getOrDefault(a.articleId(), List.of()),
          live.get(a.articleId()));
    }
    assertTrue(compared > 10 * CATALOG.size(), "too few neighbours compared: " + compared);
  }

  @Test
  void liveIdfComesFromTheRecentCatalogOnly() {
    List<Article> recent = CATALOG.subList(CATALOG.size() - 80, CATALOG.size()); // newest last

    Map<String, List<ContentNeighbour>> live = live(recent);
    Map<String, List<ContentNeighbour>> trainedOnRecent = trained(recent);

    int differing = 0;
    for (Article a : recent) {
      String id = a.articleId();
      assertSameNeighbours(id, trainedOnRecent.getOrDefault(id, List.of()), live.get(id));
      List<ContentNeighbour> all = trainedOnAll.getOrDefault(id, List.of());
      List<ContentNeighbour> one = live.get(id);
      // the live neighbour also in the full model's list scores differently there: another IDF
      for (ContentNeighbour n : one) {
        for (ContentNeighbour m : all) {
          if (m.articleId().equals(n.articleId()) && Math.abs(m.score() - n.score()) > 1e-6) {
            differing++;
          }
        }
      }
    }
    assertTrue(differing > 0, "IDF over 80 of 240 articles should change scores");
  }

  /** Compares one article's lists; returns how many neighbours were compared. */
  private static int assertSameNeighbours(String id, List<ContentNeighbour> trained, List<ContentNeighbour> live) {
    assertEquals(trained.size(), live.size(), id + ": trained " + trained + "\nlive " + live);
    for (int i = 0; i < trained.size(); i++) {
      assertEquals(trained.get(i).score(), live.get(i).score(), TOLERANCE, id + " rank " + i);
    }
    // equal ids rank by rank, but a run of tied scores may come in another order
    for (int from = 0; from < trained.size(); ) {
      int to = from + 1;
      while (to < trained.size() && trained.get(from).score() - trained.get(to).score() <= TOLERANCE) {
        to++;
      }
      assertEquals(ids(trained.subList(from, to)), ids(live.subList(from, to)), id + " ranks " + from + ".." + to);
      from = to;
    }
    return trained.size();
  }

  private static Set<String> ids(List<ContentNeighbour> list) {
    Set<String> out = new TreeSet<>();
    list.forEach(n -> out.add(n.articleId()));
    return out;
  }

  /** Every neighbour (topK = catalog size) of the model trained on {@code catalog}, best first. */
  private static Map<String, List<ContentNeighbour>> trained(List<Article> catalog) {
    List<CatalogItem> items = new ArrayList<>(catalog.size());
    catalog.forEach(a -> items.add(new CatalogItem(a.articleId(), a.title(), a.summary(), a.category(), a.publishedAt())));
    ContentSimilarityModel model = new ContentSimilarity().fit(DatasetFrames.articles(spark, items))
        .setTopK(catalog.size());
    Map<String, List<ContentNeighbour>> out = new HashMap<>();
    for (Row r : model.neighbourScores().collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new ContentNeighbour(r.getString(1), r.getDouble(2)));
    }
    out.values().forEach(l -> l.sort(Comparator.comparingDouble(ContentNeighbour::score).reversed()
        .thenComparing(ContentNeighbour::articleId)));
    return out;
  }

  /** Every neighbour in the live rule over {@code catalog}. */
  private static Map<String, List<ContentNeighbour>> live(List<Article> catalog) {
    TfIdfIndex index = new TfIdfIndex(ContentText.DEFAULT_CATEGORY_WEIGHT);
    catalog.forEach(index::put);
    Map<String, List<ContentNeighbour>> out = new HashMap<>();
    catalog.forEach(a -> out.put(a.articleId(), index.similar(a.articleId(), catalog.size(), 0)));
    return out;
  }

  /**
   * MLlib hashes terms into 2^18 buckets and the live rule does not: with a collision in the
   * catalog the two would disagree on purpose, so the parity holds only for a catalog without one.
   */
  private static void assertNoHashCollisions(List<Article> catalog) {
    ContentSimilarity defaults = new ContentSimilarity();
    HashingTF tf = new HashingTF().setNumFeatures((Integer) defaults.getOrDefault(defaults.numFeatures()));
    Set<String> terms = new HashSet<>();
    catalog.forEach(a -> terms.addAll(ContentText.documentTokens(a, ContentText.DEFAULT_CATEGORY_WEIGHT)));
    Set<Integer> buckets = new HashSet<>();
    terms.forEach(t -> buckets.add(tf.indexOf(t)));
    assertEquals(terms.size(), buckets.size(), "two test terms share a hash bucket");
    assertFalse(terms.isEmpty());
  }

  /**
   * Articles on a few dozen stories: each draws most words from its story's, some from anywhere,
   * so neighbours range from near-duplicates to one shared word; a few are exact repeats (ties).
   */
  private static List<Article> catalog(int n, Random random) {
    List<Article> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int story = random.nextInt(30);
      String id = String.format("art-%03d", i);
      if (i > 0 && i % 25 == 0) {
        Article copy = out.get(i - 1);
        out.add(new Article(id, copy.title(), null, copy.category(), i, copy.summary(), List.of(), null, false));
        continue;
      }
      out.add(new Article(id, words(story, 3 + random.nextInt(5), random), null, SECTIONS.get(story % SECTIONS.size()),
          i, random.nextInt(5) == 0 ? null : words(story, 5 + random.nextInt(10), random), List.of(), null, false));
    }
    return out;
  }

  private static String words(int story, int count, Random random) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < count; w++) {
      int word = random.nextInt(4) == 0 ? random.nextInt(WORDS.size()) : story * 5 + random.nextInt(10);
      text.append(w == 0 ? "" : random.nextInt(6) == 0 ? ", " : " ").append(WORDS.get(word % WORDS.size()));
    }
    return text.toString();
  }

  /** Made-up words, plus stop words the rule must drop. */
  private static List<String> vocabulary(int n) {
    List<String> out = new ArrayList<>(n);
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiou";
    for (int i = 0; i < n; i++) {
      out.add(i % 17 == 0 ? ContentText.STOP_WORDS.get(i % ContentText.STOP_WORDS.size())
          : "" + consonants.charAt(i % 16) + vowels.charAt(i / 16 % 5) + consonants.charAt(i * 7 % 16)
              + vowels.charAt(i % 5) + (i % 3 == 0 ? "n" : ""));
    }
    return out;
  }
}
