package com.eplly.deploy.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClickModelTest {

  private static final long END = Instant.parse("2026-11-27T12:00:00Z").toEpochMilli();
  private static final DemoDataGenerator PORTAL = new DemoDataGenerator(DemoConfig.small(END).withPageViews(5_000));
  private final ClickModel model = ClickModel.standard(PORTAL);

  @Test
  void theCascadeClicksAsOftenAsItsTrueProbabilitySays() {
    PageView view = PORTAL.pageViewStream().skip(2_000).findFirst().orElseThrow();
    List<String> block = bestNextReads(view, 6);
    double truth = model.blockClickProbability(view.readerId(), view.articleId(), block, view.timestamp());
    SplittableRandom random = new SplittableRandom(1);
    int clicks = 0;
    int runs = 100_000;
    int[] byPosition = new int[7];
    for (int i = 0; i < runs; i++) {
      int p = model.click(view.readerId(), view.articleId(), block, view.timestamp(), random);
      clicks += p > 0 ? 1 : 0;
      byPosition[p]++;
    }
    double measured = clicks / (double) runs;
    // 4 standard errors of a proportion
    assertEquals(truth, measured, 4 * Math.sqrt(truth * (1 - truth) / runs), "true " + truth + " measured " + measured);
    assertTrue(truth > 0.05, "a block of the reader's likeliest next reads gets clicked: " + truth);
    assertTrue(byPosition[1] > byPosition[6], "position bias");
  }

  @Test
  void suggestionsThatFollowTheReaderBeatRandomOnes() {
    PageView view = PORTAL.pageViewStream().skip(2_000).findFirst().orElseThrow();
    List<String> good = bestNextReads(view, 6);
    List<String> random = PORTAL.articles().stream().filter(a -> a.publishedAt() <= view.timestamp())
        .map(Article::articleId).filter(id -> !id.equals(view.articleId())).limit(6).toList();

    double g = model.blockClickProbability(view.readerId(), view.articleId(), good, view.timestamp());
    double r = model.blockClickProbability(view.readerId(), view.articleId(), random, view.timestamp());

    assertTrue(g > 3 * r, "follows the reader " + g + " vs arbitrary " + r);
    assertEquals(0, model.clickIfReached(view.readerId(), view.articleId(), view.articleId(), 1, view.timestamp()));
  }

  private static List<String> bestNextReads(PageView view, int n) {
    return PORTAL.articles().stream()
        .sorted(Comparator.comparingDouble((Article a) ->
            -PORTAL.nextReadProbability(view.readerId(), view.articleId(), a.articleId(), view.timestamp())))
        .limit(n).map(Article::articleId).toList();
  }
}
