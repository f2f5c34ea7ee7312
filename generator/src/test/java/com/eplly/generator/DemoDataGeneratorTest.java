package com.eplly.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.codec.Validation;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

  private static final long END = Instant.parse("2026-11-27T12:00:00Z").toEpochMilli();
  private static final DemoConfig CONFIG = DemoConfig.small(END).withPageViews(20_000);

  @Test
  void sameSeedSameData_otherSeedOtherData() {
    List<PageView> a = new DemoDataGenerator(CONFIG).pageViewStream().limit(500).toList();
    List<PageView> b = new DemoDataGenerator(CONFIG).pageViewStream().limit(500).toList();
    List<PageView> c = new DemoDataGenerator(CONFIG.withSeed(7)).pageViewStream().limit(500).toList();
    assertEquals(a, b);
    assertTrue(!a.equals(c));
  }

  @Test
  void everyRecordIsValidAndSizesMatchTheConfig() {
    DemoDataGenerator gen = new DemoDataGenerator(CONFIG);
    Validation rules = new Validation(Clock.fixed(Instant.ofEpochMilli(END), ZoneOffset.UTC));
    assertEquals(CONFIG.articles(), gen.articles().size());
    gen.articles().forEach(a -> assertEquals(List.of(), rules.check(a), a::toString));
    List<PageView> views = gen.pageViewStream().toList();
    // A session cut short by the end of the span or an empty section may leave a few out.
    assertTrue(views.size() <= CONFIG.pageViews() && views.size() > 0.97 * CONFIG.pageViews(), "views: " + views.size());
    views.forEach(v -> assertEquals(List.of(), rules.check(v), v::toString));
    assertEquals(views.size(), views.stream().map(PageView::eventId).distinct().count());
    Map<String, Long> published = gen.articles().stream().collect(Collectors.toMap(Article::articleId, Article::publishedAt));
    assertTrue(views.stream().allMatch(v -> v.timestamp() >= published.get(v.articleId()) && v.timestamp() <= END));
  }

  @Test
  void readersFollowStoriesSoCoVisitationCarriesSignal() {
    DemoDataGenerator gen = new DemoDataGenerator(CONFIG);
    Map<String, Article> byId = gen.articles().stream().collect(Collectors.toMap(Article::articleId, a -> a));
    Map<String, String> previous = new HashMap<>();
    int sameTopic = 0;
    int transitions = 0;
    for (PageView v : (Iterable<PageView>) gen::pageViews) {
      String prev = previous.put(v.sessionId(), v.articleId());
      if (prev != null) {
        transitions++;
        if (byId.get(prev).tags().equals(byId.get(v.articleId()).tags())) {
          sameTopic++;
        }
      }
    }
    // Random pairs share a story topic a few percent of the time; readers do so far more often.
    assertTrue(transitions > 5_000, "sessions should have follow-up reads: " + transitions);
    assertTrue(sameTopic > 0.3 * transitions, sameTopic + " of " + transitions);
  }

  @Test
  void popularityDecaysWithAgeAndTheBreakingStorySpikes() {
    DemoDataGenerator gen = new DemoDataGenerator(CONFIG);
    Map<String, Integer> lastDay = new HashMap<>();
    Set<String> readers = new HashSet<>();
    gen.pageViewStream().filter(v -> v.timestamp() > END - 10 * 3_600_000L).forEach(v -> {
      lastDay.merge(v.articleId(), 1, Integer::sum);
      readers.add(v.readerId());
    });
    String top = lastDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    assertTrue(gen.breakingArticleIds().contains(top), "the breaking story leads the last hours, not " + top);
    assertTrue(readers.size() > 100);
  }

  @Test
  void theTrueClickModelIsTheWalksNextReadDistribution() {
    DemoDataGenerator gen = new DemoDataGenerator(CONFIG);
    List<PageView> views = gen.pageViewStream().limit(4_000).toList();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    double read = 0;
    double other = 0;
    int pairs = 0;
    int whole = 0;
    for (int i = 1; i < views.size() && pairs < 300; i++) {
      PageView before = views.get(i - 1);
      PageView next = views.get(i);
      if (!before.sessionId().equals(next.sessionId())) {
        continue;
      }
      pairs++;
      long t = next.timestamp();
      double total = 0;
      for (Article a : gen.articles()) {
        total += gen.nextReadProbability(next.readerId(), before.articleId(), a.articleId(), t);
      }
      // short of 1 where the walk may end instead (no other article in the section it stays in)
      // or draw from all sections (none left in the reader's chosen one)
      assertTrue(total <= 1 + 1e-9, "probabilities of every next read sum to " + total);
      whole += total > 0.99 ? 1 : 0;
      read += gen.nextReadProbability(next.readerId(), before.articleId(), next.articleId(), t);
      String random = gen.articles().get(rnd.nextInt(gen.articles().size())).articleId();
      other += gen.nextReadProbability(next.readerId(), before.articleId(), random, t);
    }
    assertEquals(300, pairs);
    assertTrue(whole > 200, whole + " of 300 pairs have next-read probabilities summing to 1");
    assertTrue(read > 20 * other, "the article actually read next: mean " + read / pairs + ", a random one: " + other / pairs);
    assertEquals(0, gen.nextReadProbability("r-00001", "nope", views.get(0).articleId(), END));
    assertEquals(0, gen.nextReadProbability("someone", views.get(0).articleId(), views.get(1).articleId(), END));
  }
}
