package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.Interaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Microsoft Recommenders' MovieLens protocol ({@code python_stratified_split}): each user's
 * interactions are shuffled (seeded) and the first {@code round(ratio * n)} go to training (Python
 * rounds half to even); each user is then asked for top-k among the items they did not see in
 * training; every test item is relevant (binary relevance).
 */
public final class StratifiedUserSplit implements Protocol {

  private final double ratio;
  private final int k;

  public StratifiedUserSplit(double ratio, int k) {
    if (ratio <= 0 || ratio >= 1) {
      throw new IllegalArgumentException("ratio must be in (0, 1), got " + ratio);
    }
    this.ratio = ratio;
    this.k = k;
  }

  @Override
  public String name() {
    return String.format(java.util.Locale.ROOT, "per-user stratified random split %.0f/%.0f, top-%d among unseen items, binary relevance",
        ratio * 100, (1 - ratio) * 100, k);
  }

  @Override
  public int k() {
    return k;
  }

  /** The two halves, before queries are built (exposed for the split tests). */
  public record Halves(List<Interaction> train, List<Interaction> test) {}

  public Halves halves(List<Interaction> data, long seed) {
    Map<String, List<Interaction>> byUser = new TreeMap<>();
    for (Interaction i : data) {
      byUser.computeIfAbsent(i.readerId(), u -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    List<Interaction> train = new ArrayList<>();
    List<Interaction> test = new ArrayList<>();
    for (List<Interaction> rows : byUser.values()) {
      // A fixed order before shuffling, so the split does not depend on file order.
      rows.sort(Comparator.comparing(Interaction::itemId).thenComparingLong(Interaction::timestamp));
      java.util.Collections.shuffle(rows, random);
      int cut = (int) Math.rint(ratio * rows.size());
      train.addAll(rows.subList(0, cut));
      test.addAll(rows.subList(cut, rows.size()));
    }
    return new Halves(train, test);
  }

  @Override
  public ProtocolSplit split(List<Interaction> data, long seed) {
    Halves h = halves(data, seed);
    ItemIndex items = ItemIndex.of(h.train());
    Map<String, List<Interaction>> trainByUser = new LinkedHashMap<>();
    h.train().stream().sorted(Comparator.comparing(Interaction::readerId).thenComparingLong(Interaction::timestamp))
        .forEach(i -> trainByUser.computeIfAbsent(i.readerId(), u -> new ArrayList<>()).add(i));
    Map<String, Set<String>> testByUser = new TreeMap<>();
    h.test().forEach(i -> testByUser.computeIfAbsent(i.readerId(), u -> new LinkedHashSet<>()).add(i.itemId()));
    List<Query> queries = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : testByUser.entrySet()) {
      List<Interaction> history = trainByUser.getOrDefault(e.getKey(), List.of());
      int[] context = history.stream().mapToInt(i -> items.index(i.itemId())).distinct().toArray();
      double[] weights = new double[context.length];
      java.util.Arrays.fill(weights, 1.0);
      Set<Integer> relevant = new HashSet<>();
      for (String item : e.getValue()) {
        int idx = items.index(item);
        if (idx >= 0) {
          relevant.add(idx);
        }
      }
      queries.add(new Query(e.getKey(), context, weights, context, relevant, e.getValue().size(), null));
    }
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("trainInteractions", h.train().size());
    stats.put("testInteractions", h.test().size());
    stats.put("users", testByUser.size());
    stats.put("trainItems", items.size());
    stats.put("queries", queries.size());
    return new ProtocolSplit(name(), h.train(), items, queries, stats);
  }
}
