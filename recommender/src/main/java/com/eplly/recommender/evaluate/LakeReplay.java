package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The portal's own page views replayed in time: every event before the cut-off ({@code testSpan}
 * before the newest one) trains, and every later page view that follows another in its session is
 * a query, asked the two ways the api is asked. The headline is the article page: the article
 * just read and its reader (whose training history and earlier reads are known); the variant is
 * an anonymous reader's article page: only the session's reads so far, the newest of them being
 * the current article, and no reader. A target the
 * reader (or, anonymously, the session) already read is never a query, as the api never shows
 * it; a target or current article published after the cut-off has no trained list and is counted,
 * not asked. More queries than {@code maxQueries} are sampled (seeded): scoring the whole catalog
 * for each is the evaluation's cost.
 */
public final class LakeReplay implements Protocol {

  /** The split's stat naming the cut-off. */
  static final String CUT_OFF = "cutOff";
  /** The split's stat naming its oldest training page view. */
  static final String TRAIN_FROM = "trainFrom";
  static final String ANONYMOUS = "anonymous session: an article page with only the session's reads, no reader";

  private final Duration testSpan;
  private final int k;
  private final int maxQueries;
  private final long askedAfter;

  public LakeReplay(Duration testSpan, int k, int maxQueries) {
    this(testSpan, k, maxQueries, Long.MIN_VALUE);
  }

  private LakeReplay(Duration testSpan, int k, int maxQueries, long askedAfter) {
    if (testSpan.isNegative() || testSpan.isZero()) {
      throw new IllegalArgumentException("the test window must be positive, got " + testSpan);
    }
    this.testSpan = testSpan;
    this.k = k;
    this.maxQueries = maxQueries;
    this.askedAfter = askedAfter;
  }

  /**
   * The same replay (same cut-off, same training part) asking only about page views after
   * {@code epochMs}: those a version trained up to then has not seen either.
   */
  public LakeReplay askedAfter(long epochMs) {
    return new LakeReplay(testSpan, k, maxQueries, epochMs);
  }

  @Override
  public String name() {
    return "lake replay: train before the cut-off (" + testSpan.toHours() + " h before the newest page view), "
        + "test = the article page (article just read + its reader) of every later page view";
  }

  @Override
  public int k() {
    return k;
  }

  @Override
  public double objective(MetricSet m) {
    return m.hr() + m.mrr();
  }

  /** The newest part of the training period, as long as the test window: where train tunes itself. */
  @Override
  public Protocol forValidation() {
    return this;
  }

  /** The cut-off of {@code data}: {@code testSpan} before its newest event. */
  public long cutOff(List<Interaction> data) {
    long newest = data.stream().mapToLong(Interaction::timestamp).max()
        .orElseThrow(() -> new NotEnoughData("no page views to replay"));
    return newest - testSpan.toMillis();
  }

  @Override
  public ProtocolSplit split(List<Interaction> data, long seed) {
    long cutOff = cutOff(data);
    List<Interaction> train = data.stream().filter(i -> i.timestamp() < cutOff).toList();
    if (train.isEmpty()) {
      throw new NotEnoughData("the page views span less than the test window of " + testSpan.toHours()
          + " h: nothing is left to train on");
    }
    ItemIndex items = ItemIndex.of(train);
    Map<String, List<Interaction>> byReader = byReader(data);
    Counts counts = new Counts();
    List<Query> pages = new ArrayList<>();
    List<Query> anonymous = new ArrayList<>();
    for (List<Interaction> session : NextClickSplit.sessions(data).values()) {
      for (int n = 1; n < session.size(); n++) {
        Interaction next = session.get(n);
        if (next.timestamp() < cutOff || next.timestamp() <= askedAfter) {
          continue;
        }
        counts.events++;
        int target = items.index(next.itemId());
        if (target < 0) {
          counts.unknownTarget++;
          continue;
        }
        List<Interaction> prefix = session.subList(0, n);
        articlePage(prefix, next, target, byReader.get(next.readerId()), items, counts).ifPresent(pages::add);
        anonymousSession(prefix, target, items).ifPresent(anonymous::add);
      }
    }
    if (pages.isEmpty()) {
      throw new NotEnoughData("no page view after the cut-off " + Instant.ofEpochMilli(cutOff)
          + " follows another of its session with articles known before it");
    }
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put(CUT_OFF, Instant.ofEpochMilli(cutOff).toString());
    // Where the training part starts: what a bounded --tune-lookback left of the lake.
    stats.put(TRAIN_FROM, Instant.ofEpochMilli(train.stream().mapToLong(Interaction::timestamp).min().getAsLong()).toString());
    stats.put("trainInteractions", train.size());
    stats.put("trainItems", items.size());
    stats.put("testEventsWithAPreviousRead", counts.events);
    stats.put("targetPublishedAfterCutOff", counts.unknownTarget);
    stats.put("currentPublishedAfterCutOff", counts.unknownCurrent);
    stats.put("targetAlreadyReadByReader", counts.reread);
    stats.put("articlePageQueries", pages.size());
    stats.put("anonymousSessionQueries", anonymous.size());
    List<Query> sampledPages = sample(pages, seed);
    List<Query> sampledAnonymous = sample(anonymous, seed + 1);
    stats.put("queriesScored", sampledPages.size());
    stats.put("anonymousQueriesScored", sampledAnonymous.size());
    return new ProtocolSplit(name(), train, items, sampledPages, stats, Map.of(ANONYMOUS, sampledAnonymous),
        readers(train, items, sampledPages));
  }

  private static final class Counts {
    int events;
    int unknownTarget;
    int unknownCurrent;
    int reread;
  }

  /**
   * The api asked on the page of the prefix's newest read by the target's reader: everything the
   * reader read before the target (training history and earlier test-window reads, a re-read at
   * its newest place, as in the api's recent list) is the history and is never shown; its newest
   * items are the session's reads.
   */
  private static Optional<Query> articlePage(List<Interaction> prefix, Interaction next, int target,
      List<Interaction> readerReads, ItemIndex items, Counts counts) {
    int page = items.index(prefix.get(prefix.size() - 1).itemId());
    if (page < 0) {
      counts.unknownCurrent++;
      return Optional.empty();
    }
    Set<Integer> history = new LinkedHashSet<>();
    for (Interaction read : readerReads) {
      if (read.timestamp() > next.timestamp() || read == next) {
        break;
      }
      int item = items.index(read.itemId());
      if (item >= 0) {
        history.remove(item);
        history.add(item);
      }
    }
    if (history.contains(target)) {
      counts.reread++;
      return Optional.empty();
    }
    int[] context = history.stream().mapToInt(Integer::intValue).toArray();
    return Optional.of(new Query(next.readerId(), context, recencyWeights(context.length), context,
        Set.of(target), 1, null, page, known(prefix, items).length));
  }

  /** The api asked on the prefix's newest read's page with only the session: its reads, none shown again. */
  private static Optional<Query> anonymousSession(List<Interaction> prefix, int target, ItemIndex items) {
    int page = items.index(prefix.get(prefix.size() - 1).itemId());
    int[] context = known(prefix, items);
    if (page < 0 || Arrays.stream(context).anyMatch(c -> c == target)) {
      return Optional.empty();
    }
    return Optional.of(new Query(null, context, recencyWeights(context.length), context, Set.of(target), 1,
        null, page));
  }

  /** The prefix's items known in training, each once at its newest place, oldest first. */
  private static int[] known(List<Interaction> prefix, ItemIndex items) {
    Set<Integer> out = new LinkedHashSet<>();
    for (Interaction read : prefix) {
      int item = items.index(read.itemId());
      if (item >= 0) {
        out.remove(item);
        out.add(item);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The latest read weighs 1, the one before 1/2, ... (as for session prefixes). */
  private static double[] recencyWeights(int n) {
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      w[j] = 1.0 / (n - j);
    }
    return w;
  }

  /** One query per reader asked about: the training history train builds the reader's list from. */
  private static List<Query> readers(List<Interaction> train, ItemIndex items, List<Query> asked) {
    Set<String> wanted = new HashSet<>();
    asked.forEach(q -> wanted.add(q.readerId()));
    Map<String, List<Interaction>> history = byReader(train.stream().filter(i -> wanted.contains(i.readerId())).toList());
    List<Query> out = new ArrayList<>();
    history.forEach((reader, reads) -> {
      int[] context = reads.stream().mapToInt(i -> items.index(i.itemId())).distinct().toArray();
      out.add(new Query(reader, context, recencyWeights(context.length), context, Set.of(), 0, null));
    });
    return out;
  }

  private static Map<String, List<Interaction>> byReader(List<Interaction> data) {
    Map<String, List<Interaction>> out = new HashMap<>();
    for (Interaction i : data) {
      out.computeIfAbsent(i.readerId(), r -> new ArrayList<>()).add(i);
    }
    Comparator<Interaction> inTime = Comparator.comparingLong(Interaction::timestamp).thenComparing(Interaction::itemId);
    out.values().forEach(reads -> reads.sort(inTime));
    return out;
  }

  /** At most {@code maxQueries}, drawn without replacement (seeded), in their original order. */
  private List<Query> sample(List<Query> queries, long seed) {
    if (queries.size() <= maxQueries) {
      return queries;
    }
    int[] order = new int[queries.size()];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < maxQueries; i++) {
      int j = i + random.nextInt(order.length - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] chosen = Arrays.copyOf(order, maxQueries);
    Arrays.sort(chosen);
    return Arrays.stream(chosen).mapToObj(queries::get).toList();
  }
}
