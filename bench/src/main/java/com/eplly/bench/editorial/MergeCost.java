package com.eplly.bench.editorial;

import com.eplly.bench.api.ApiBenchSeed;
import com.eplly.bench.api.BenchRules;
import com.eplly.contracts.editorial.EditorialRule;
import com.eplly.contracts.editorial.EditorialRules;
import com.eplly.contracts.editorial.PageRules;
import com.eplly.contracts.editorial.RuleKind;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.serving.CandidateLists;
import com.eplly.contracts.serving.MergeRequest;
import com.eplly.contracts.serving.RecommendationMerger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What editors' rules add to the merge alone, in CPU time per answer (the thread's own CPU clock, so
 * a busy machine slows the run but not the figure): the api's lazy merge over candidate lists shaped
 * like {@code bench-api}'s (20 model neighbours, 10 co-visits, a reader list of 20, trending, popular
 * and latest of 100, in 10 sections) with the metadata from a map, as the api's article cache gives
 * it, under no rules, {@link BenchRules}' 100 and each kind of them alone.
 *
 * <p>Usage: {@code MergeCost [ROUNDS]}
 */
public final class MergeCost {

  private static final int ARTICLES = 20_000;
  private static final int REQUESTS = 4_000;

  private MergeCost() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Random rnd = new Random(7);
    long now = System.currentTimeMillis();
    Map<String, Article> catalog = new HashMap<>();
    for (int n = 0; n < ARTICLES; n++) {
      String section = ApiBenchSeed.section(n % ApiBenchSeed.sectionCount());
      catalog.put(ApiBenchSeed.articleId(n), new Article(ApiBenchSeed.articleId(n), "Story " + n, "https://news.example/" + n, section,
          now - rnd.nextInt(400_000_000), null, List.of(section), null, false));
    }
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      requests.add(request(rnd, catalog));
    }
    List<EditorialRule> all = BenchRules.rules(100, ARTICLES, Instant.ofEpochMilli(now), new Random(19)).stream()
        .map(r -> r.stored("r" + Math.abs(r.hashCode()), Instant.ofEpochMilli(now))).toList();
    Map<String, EditorialRules> configs = new java.util.LinkedHashMap<>();
    configs.put("no rules", EditorialRules.NONE);
    configs.put("100 rules", compile(all, r -> true, now));
    configs.put("75 blocks", compile(all, r -> r.kind() == RuleKind.BLOCK, now));
    configs.put("15 pins", compile(all, r -> r.kind() == RuleKind.PIN, now));
    configs.put("10 boosts", compile(all, r -> r.kind() == RuleKind.BOOST, now));

    RecommendationMerger merger = new RecommendationMerger(0.5);
    Function<List<String>, Map<String, Article>> metadata = ids -> {
      Map<String, Article> found = new HashMap<>();
      for (String id : ids) {
        Article a = catalog.get(id);
        if (a != null) {
          found.put(id, a);
        }
      }
      return found;
    };
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.printf("CPU time per merge (limit 6), %d requests per round, median of %d rounds after 3 warm-up rounds%n",
        REQUESTS, rounds);
    Map<String, double[]> results = new java.util.LinkedHashMap<>();
    for (int round = -3; round < rounds; round++) {
      for (Map.Entry<String, EditorialRules> c : configs.entrySet()) {
        long items = 0;
        long start = cpu.getCurrentThreadCpuTime();
        for (Request r : requests) {
          Article page = catalog.get(r.query().articleId());
          PageRules rules = c.getValue().forPage(page.category(), page.tags());
          items += merger.merge(r.query(), r.sources(), metadata, now, rules).size();
        }
        double ns = (cpu.getCurrentThreadCpuTime() - start) / (double) REQUESTS;
        if (round >= 0) {
          results.computeIfAbsent(c.getKey(), k -> new double[rounds])[round] = ns;
        }
        if (items == 0) {
          throw new IllegalStateException("no items merged");
        }
      }
    }
    double base = median(results.get("no rules"));
    results.forEach((name, ns) -> System.out.printf("  %-10s %8.0f ns  (%+.0f ns)%n", name, median(ns), median(ns) - base));
  }

  private record Request(MergeRequest query, CandidateLists sources) {}

  private static Request request(Random rnd, Map<String, Article> catalog) {
    int page = (int) Math.min(ARTICLES - 1, Math.floor(Math.exp(rnd.nextDouble() * Math.log(ARTICLES))) - 1);
    return new Request(new MergeRequest(ApiBenchSeed.articleId(page), 6, Set.of()), new CandidateLists(
        list(rnd, 20, ARTICLES, Reason.READ_TOGETHER), list(rnd, 10, 2_000, Reason.READ_TOGETHER), List.of(),
        list(rnd, 20, ARTICLES, Reason.SIMILAR_READERS), list(rnd, 100, 2_000, Reason.TRENDING),
        list(rnd, 100, 2_000, Reason.POPULAR), list(rnd, 100, ARTICLES, Reason.LATEST),
        Set.of(ApiBenchSeed.articleId(rnd.nextInt(ARTICLES)))));
  }

  private static List<Suggestion> list(Random rnd, int size, int range, Reason reason) {
    List<Suggestion> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Suggestion(ApiBenchSeed.articleId(rnd.nextInt(range)), 1.0 - i / (double) size, reason));
    }
    return out;
  }

  private static EditorialRules compile(List<EditorialRule> rules, Predicate<EditorialRule> keep, long now) {
    return EditorialRules.compile(rules.stream().filter(keep).toList(), Instant.ofEpochMilli(now));
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
