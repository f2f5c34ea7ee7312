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
}
