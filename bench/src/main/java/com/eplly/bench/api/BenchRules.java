package com.eplly.bench.api;

import com.eplly.contracts.editorial.EditorialRule;
import com.eplly.contracts.editorial.EditorialRuleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The editorial rules of {@code bench-api --rules-cost}: what a newsroom might keep in force at
 * once, over {@link ApiBenchSeed}'s catalog. Seven in ten block single articles (legal holds,
 * corrections), three in twenty pin an article on a section's pages, one in ten boosts or buries a
 * section or tag (every candidate is in one, so every answer pays the ranking the boosts need), and
 * the rest block campaign tags no article carries yet. One request body per line, to POST as is.
 *
 * <p>Usage: {@code BenchRules COUNT ARTICLES}
 */
public final class BenchRules {

  private BenchRules() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: BenchRules COUNT ARTICLES");
      System.exit(2);
    }
    EditorialRuleJson json = new EditorialRuleJson();
    for (EditorialRule rule : rules(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Instant.now(), new Random(19))) {
      System.out.println(json.write(rule));
    }
  }

  public static List<EditorialRule> rules(int count, int articles, Instant now, Random rnd) {
    Instant expires = now.plus(Duration.ofDays(1));
    List<EditorialRule> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String section = ApiBenchSeed.section(rnd.nextInt(ApiBenchSeed.sectionCount()));
      int share = i % 20;
      if (share < 14) {
        out.add(EditorialRule.blockArticle(ApiBenchSeed.articleId(rnd.nextInt(articles)), null, "bench"));
      } else if (share < 17) {
        // the hot articles (low numbers draw most pages) are what a desk pins
        out.add(EditorialRule.pinOnSection(ApiBenchSeed.articleId(rnd.nextInt(Math.min(articles, 200))), section,
            1 + rnd.nextInt(3), null, expires, "bench"));
      } else if (share == 17) {
        out.add(EditorialRule.boostSection(section, 0.5 + rnd.nextInt(4) * 0.5, null, expires, "bench"));
      } else if (share == 18) {
        out.add(EditorialRule.boostTag(section, 0.5 + rnd.nextInt(4) * 0.25, null, expires, "bench"));
      } else {
        out.add(EditorialRule.blockTag("campaign-" + i, null, "bench"));
      }
    }
    return out;
  }
}
