package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.Interaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * session-rec's next-item protocol on a given pair of files: the training file trains; in every test
 * session (clicks on items training never saw dropped, then sessions under 2 clicks, as session-rec's
 * loader does) every prefix of i >= 1 clicks predicts click i + 1 among all training items.
 * Queries are anonymous page views of the prefix's last item, the prefix their context.
 *
 * <p>{@link Variant#STANDARD} is session-rec's own rule: a target the session already clicked counts.
 * {@link Variant#NEWS} is the portal's: an item the session opened is never suggested again, so such
 * queries are skipped and every list excludes the prefix's items.
 *
 * <p>Validation ({@link #forValidation}) applies the same rule inside the training file: the sessions
 * starting last ({@link #VALIDATION_SHARE} of them) are its test sessions, the earlier ones train. The
 * test file never reaches tuning.
 */
public final class SessionFileSplit implements Protocol {

  /** Share of the training file's sessions (latest starts) that validation queries come from. */
  static final double VALIDATION_SHARE = 0.25;

  /** Whether a target already clicked in the prefix counts (standard) or is never suggested (news). */
  public enum Variant {
    NEWS, STANDARD;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final List<Interaction> testClicks;
  private final double lastShare;
  private final Variant variant;
  private final int k;

  private SessionFileSplit(List<Interaction> testClicks, double lastShare, Variant variant, int k) {
    this.testClicks = testClicks;
    this.lastShare = lastShare;
    this.variant = variant;
    this.k = k;
  }

  /** The test file's sessions are the test sessions; the data split is the training file. */
  public static SessionFileSplit of(List<Interaction> testClicks, Variant variant, int k) {
    return new SessionFileSplit(List.copyOf(testClicks), 0, variant, k);
  }

  /** The sessions starting last ({@code share} of them) are the test sessions of the data split. */
  public static SessionFileSplit lastShare(double share, Variant variant, int k) {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("the test share must be in (0, 1), got " + share);
    }
    return new SessionFileSplit(null, share, variant, k);
  }

  public Variant variant() {
    return variant;
  }

  @Override
  public Protocol forValidation() {
    return testClicks == null ? this : lastShare(VALIDATION_SHARE, variant, k);
  }

  @Override
  public String name() {
    String test = testClicks != null ? "the test file's sessions"
        : String.format(Locale.ROOT, "the last %.0f%% of sessions by start", lastShare * 100);
    String rule = variant == Variant.NEWS
        ? "news: targets already in the prefix skipped, lists exclude the prefix's items"
        : "standard (session-rec): a target already in the prefix counts";
    return "next item (session-rec): test = " + test + ", every prefix predicts the next click among items known in "
        + "training, unknown items dropped; " + rule;
  }

  @Override
  public int k() {
    return k;
  }

  @Override
  public double objective(MetricSet m) {
    return m.hr() + m.mrr();
  }

  @Override
  public ProtocolSplit split(List<Interaction> data, long seed) {
    List<List<Interaction>> sessions = sessions(data);
    List<Interaction> train;
    List<List<Interaction>> test;
    if (testClicks != null) {
      train = List.copyOf(data);
      test = sessions(testClicks);
    } else {
      // Sessions in order of their first click: the first (1 - share) train, whole.
      int first = (int) Math.min(sessions.size() - 1, Math.floor(sessions.size() * (1 - lastShare)));
      train = sessions.subList(0, first).stream().flatMap(List::stream).toList();
      test = sessions.subList(first, sessions.size());
    }
    ItemIndex items = ItemIndex.of(train);
    List<Query> queries = new ArrayList<>();
    int kept = 0;
    int unknownClicks = 0;
    int repeats = 0;
    for (List<Interaction> s : test) {
      int[] known = s.stream().mapToInt(i -> items.index(i.itemId())).filter(i -> i >= 0).toArray();
      unknownClicks += s.size() - known.length;
      if (known.length < 2) {
        continue;
      }
      kept++;
      for (int n = 1; n < known.length; n++) {
        int[] prefix = Arrays.copyOf(known, n);
        int target = known[n];
        boolean repeat = Arrays.stream(prefix).anyMatch(p -> p == target);
        repeats += repeat ? 1 : 0;
        if (repeat && variant == Variant.NEWS) {
          continue;
        }
        queries.add(query(prefix, target, variant == Variant.NEWS ? Arrays.stream(prefix).distinct().toArray() : new int[0]));
      }
    }
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("variant", variant.cliName());
    stats.put("trainClicks", train.size());
    stats.put("trainItems", items.size());
    stats.put("testSessions", test.size());
    stats.put("testSessionsKept", kept);
    stats.put("testClicksOnUnknownItemsDropped", unknownClicks);
    stats.put("targetsAlreadyInPrefix", repeats);
    stats.put("queries", queries.size());
    return new ProtocolSplit(name(), train, items, queries, stats);
  }

  /** The prefix as context (the latest click weighs 1, the one before 1/2, ...), asked on its last item's page. */
  static Query query(int[] prefix, int target, int[] exclude) {
    int n = prefix.length;
    double[] weights = new double[n];
    for (int j = 0; j < n; j++) {
      weights[j] = 1.0 / (n - j);
    }
    return new Query(null, prefix, weights, exclude, Set.of(target), 1, null, prefix[n - 1]);
  }

  /**
   * Clicks grouped by session, each in time order (file order among equal times, as session-rec's
   * stable sort), sessions in order of their first click (then id).
   */
  static List<List<Interaction>> sessions(List<Interaction> clicks) {
    Map<String, List<Interaction>> by = new LinkedHashMap<>();
    for (Interaction i : clicks) {
      by.computeIfAbsent(i.sessionId(), s -> new ArrayList<>()).add(i);
    }
    List<List<Interaction>> out = new ArrayList<>(by.values());
    out.forEach(s -> s.sort(Comparator.comparingLong(Interaction::timestamp)));
    out.sort(Comparator.<List<Interaction>>comparingLong(s -> s.get(0).timestamp())
        .thenComparing(s -> s.get(0).sessionId()));
    return out;
  }
}
