package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.Interaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SR-GNN's session protocol: sessions of length 1 and items seen fewer than {@code minItemSupport}
 * times are dropped (then length-1 sessions again); sessions starting at or after the split time
 * are the test set; every prefix of a test session predicts its next item among the items known
 * in training. Training keeps only events before the split time, so no test-time event, and no
 * event of a test session, ever reaches a model.
 *
 * <p>The split is one of: SR-GNN's own rule on session days ({@link #lastDays}: a session's day is
 * that of its first click; sessions of the last {@code n} days after the newest session day are
 * the test set, those of earlier days train, and those of the split day itself are dropped, as in
 * SR-GNN's {@code preprocess.py}); {@code testSpan} before the newest event; or, for tiny slices,
 * the start time after which the last {@code testShare} of sessions begin.
 */
public final class NextClickSplit implements Protocol {

  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  private final int minItemSupport;
  private final Duration testSpan;
  private final double testShare;
  private final boolean byDay;
  private final int k;

  private NextClickSplit(int minItemSupport, Duration testSpan, double testShare, boolean byDay, int k) {
    this.minItemSupport = minItemSupport;
    this.testSpan = testSpan;
    this.testShare = testShare;
    this.byDay = byDay;
    this.k = k;
  }

  /** SR-GNN's split on whole (UTC) session days; the split day's sessions are in neither half. */
  public static NextClickSplit lastDays(int minItemSupport, int days, int k) {
    if (days < 1) {
      throw new IllegalArgumentException("the test set needs at least one day, got " + days);
    }
    return new NextClickSplit(minItemSupport, Duration.ofDays(days), 0, true, k);
  }

  public static NextClickSplit lastSpan(int minItemSupport, Duration testSpan, int k) {
    return new NextClickSplit(minItemSupport, testSpan, 0, false, k);
  }

  public static NextClickSplit lastShare(int minItemSupport, double testShare, int k) {
    return new NextClickSplit(minItemSupport, null, testShare, false, k);
  }

  /**
   * The last quarter of training sessions: the test rule's few days (or hours, on a small slice) of
   * a training part already cut short would leave a handful of validation queries.
   */
  @Override
  public Protocol forValidation() {
    return lastShare(minItemSupport, 0.25, k);
  }

  @Override
  public String name() {
    String test = byDay ? "sessions of the last " + pretty(testSpan) + " (by session day, split day dropped)"
        : testSpan != null ? "sessions starting in the last " + pretty(testSpan)
        : String.format(Locale.ROOT, "the last %.0f%% of sessions by start", testShare * 100);
    return "next click (SR-GNN): sessions >= 2 clicks, items >= " + minItemSupport + " clicks, test = " + test
        + ", every prefix predicts the next item among items known in training";
  }

  private static String pretty(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
  }

  @Override
  public int k() {
    return k;
  }

  @Override
  public double objective(MetricSet m) {
    return m.hr() + m.mrr();
  }

  /** Cleaned sessions split in time (exposed for the leak test). */
  public record Halves(long splitTime, List<Interaction> train, List<List<Interaction>> testSessions,
      Map<String, Object> stats) {}

  public Halves halves(List<Interaction> data) {
    Map<String, List<Interaction>> sessions = sessions(data);
    int raw = sessions.size();
    clean(sessions);
    long split = splitTime(sessions.values());
    TimeSplit parts = splitAt(sessions.values(), split);
    List<List<Interaction>> kept = onlyKnownItems(parts.test(), parts.train());
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("rawSessions", raw);
    stats.put("cleanSessions", sessions.size());
    stats.put("splitTime", java.time.Instant.ofEpochMilli(split).toString());
    stats.put("trainInteractions", parts.train().size());
    stats.put("trainEventsAfterSplitDropped", parts.truncated());
    if (byDay) {
      stats.put("splitDaySessionsDropped", parts.splitDayDropped());
    }
    stats.put("testSessions", parts.test().size());
    stats.put("testSessionsKept", kept.size());
    return new Halves(split, parts.train(), kept, stats);
  }

  /** Drops single-click sessions, then items seen in fewer than {@code minItemSupport} sessions, then the sessions that leaves single. */
  private void clean(Map<String, List<Interaction>> sessions) {
    sessions.values().removeIf(s -> s.size() < 2);
    Map<String, Integer> support = new HashMap<>();
    sessions.values().forEach(s -> s.forEach(i -> support.merge(i.itemId(), 1, Integer::sum)));
    for (List<Interaction> s : sessions.values()) {
      s.removeIf(i -> support.get(i.itemId()) < minItemSupport);
    }
    sessions.values().removeIf(s -> s.size() < 2);
  }

  /**
   * Sessions starting at or after {@code split} are test sessions; earlier ones train, cut at the
   * split time (and, split by day, those of the day before the split are dropped).
   */
  private record TimeSplit(List<Interaction> train, List<List<Interaction>> test, int truncated, int splitDayDropped) {}

  private TimeSplit splitAt(Collection<List<Interaction>> sessions, long split) {
    List<Interaction> train = new ArrayList<>();
    List<List<Interaction>> test = new ArrayList<>();
    int truncated = 0;
    int splitDayDropped = 0;
    for (List<Interaction> s : sessions) {
      if (s.get(0).timestamp() >= split) {
        test.add(s);
      } else if (byDay && s.get(0).timestamp() >= split - DAY_MS) {
        splitDayDropped++;
      } else {
        for (Interaction i : s) {
          if (i.timestamp() < split) {
            train.add(i);
          } else {
            truncated++;
          }
        }
      }
    }
    return new TimeSplit(train, test, truncated, splitDayDropped);
  }

  /** Test sessions without the items training never saw, kept when two clicks are left. */
  private static List<List<Interaction>> onlyKnownItems(List<List<Interaction>> test, List<Interaction> train) {
    Set<String> known = new java.util.HashSet<>();
    train.forEach(i -> known.add(i.itemId()));
    List<List<Interaction>> kept = new ArrayList<>();
    for (List<Interaction> s : test) {
      List<Interaction> onlyKnown = s.stream().filter(i -> known.contains(i.itemId())).toList();
      if (onlyKnown.size() >= 2) {
        kept.add(onlyKnown);
      }
    }
    return kept;
  }

  @Override
  public ProtocolSplit split(List<Interaction> data, long seed) {
    Halves h = halves(data);
    ItemIndex items = ItemIndex.of(h.train());
    List<Query> queries = new ArrayList<>();
    for (List<Interaction> s : h.testSessions()) {
      for (int n = 1; n < s.size(); n++) {
        int[] context = new int[n];
        double[] weights = new double[n];
        for (int j = 0; j < n; j++) {
          context[j] = items.index(s.get(j).itemId());
          weights[j] = 1.0 / (n - j); // the latest click weighs 1, the one before 1/2, ...
        }
        int target = items.index(s.get(n).itemId());
        // The api is asked on the page of the prefix's last article.
        queries.add(new Query(null, context, weights, new int[0], Set.of(target), 1, null, context[n - 1]));
      }
    }
    Map<String, Object> stats = new LinkedHashMap<>(h.stats());
    stats.put("trainItems", items.size());
    stats.put("queries", queries.size());
    stats.putAll(nextItemEvidence(h.train(), items, queries));
    return new ProtocolSplit(name(), h.train(), items, queries, stats);
  }

  /**
   * How many queries' next item is already in the prefix, was clicked in some training session
   * together with a prefix item, or neither: what bounds any model that ranks from session
   * evidence (on a small sample, such a bound can sit below a target stated in relative lift).
   */
  static Map<String, Object> nextItemEvidence(List<Interaction> train, ItemIndex items, List<Query> queries) {
    Map<String, Set<Integer>> sessionItems = new HashMap<>();
    for (Interaction i : train) {
      sessionItems.computeIfAbsent(i.sessionId(), s -> new java.util.HashSet<>()).add(items.index(i.itemId()));
    }
    Map<Integer, Set<Integer>> together = new HashMap<>();
    for (Set<Integer> session : sessionItems.values()) {
      for (int a : session) {
        together.computeIfAbsent(a, x -> new java.util.HashSet<>()).addAll(session);
      }
    }
    int inPrefix = 0;
    int coVisited = 0;
    for (Query q : queries) {
      int next = q.relevant().iterator().next();
      boolean seen = false;
      boolean withPrefix = false;
      for (int c : q.context()) {
        seen |= c == next;
        withPrefix |= together.getOrDefault(c, Set.of()).contains(next);
      }
      if (seen) {
        inPrefix++;
      } else if (withPrefix) {
        coVisited++;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nextInPrefix", inPrefix);
    out.put("nextClickedWithAPrefixItemInTraining", coVisited);
    out.put("nextWithNoSessionEvidence", queries.size() - inPrefix - coVisited);
    return out;
  }

  /** Sessions with their clicks in time order; sessions in order of their first click. */
  static Map<String, List<Interaction>> sessions(List<Interaction> data) {
    Map<String, List<Interaction>> bySession = new HashMap<>();
    for (Interaction i : data) {
      bySession.computeIfAbsent(i.sessionId(), s -> new ArrayList<>()).add(i);
    }
    Comparator<Interaction> inSession = Comparator.comparingLong(Interaction::timestamp).thenComparing(Interaction::itemId);
    bySession.values().forEach(s -> s.sort(inSession));
    Map<String, List<Interaction>> ordered = new LinkedHashMap<>();
    bySession.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, List<Interaction>>>comparingLong(e -> e.getValue().get(0).timestamp())
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  private long splitTime(Collection<List<Interaction>> sessions) {
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("no session with 2 or more clicks of items seen >= " + minItemSupport
          + " times; the data is too small for the next-click protocol");
    }
    if (byDay) {
      // SR-GNN: test = day > newest day - n days, train = day < that; the split time is the test's first day.
      long newestDay = sessions.stream().mapToLong(s -> Math.floorDiv(s.get(0).timestamp(), DAY_MS)).max().orElseThrow();
      return (newestDay - testSpan.toDays() + 1) * DAY_MS;
    }
    if (testSpan != null) {
      long newest = sessions.stream().flatMap(List::stream).mapToLong(Interaction::timestamp).max().orElseThrow();
      return newest - testSpan.toMillis();
    }
    long[] starts = sessions.stream().mapToLong(s -> s.get(0).timestamp()).sorted().toArray();
    int first = (int) Math.min(starts.length - 1, Math.floor(starts.length * (1 - testShare)));
    return starts[first];
  }

  /** Sessions keyed by id, for tests. */
  static Map<String, List<Interaction>> sessionsById(List<Interaction> data) {
    return new TreeMap<>(sessions(data));
  }
}
