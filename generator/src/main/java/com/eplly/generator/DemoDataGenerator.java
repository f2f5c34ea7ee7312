package com.eplly.generator;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates a realistic, seeded news portal: a catalog of articles grouped into stories, readers
 * with section interests, and sessions of page views in roughly chronological order.
 *
 * <p>What makes the data worth recommending from: a reader opens articles of the sections they
 * like; within a session they often follow the same story (a strong read-together signal);
 * popularity decays with article age; articles differ in appeal (log-normal); one breaking story
 * near the end spikes; reading follows a daily rhythm. The same config always yields the same data.
 */
public final class DemoDataGenerator {

  /** How fast an article's appeal fades: a day-old article draws about half as many readers. */
  private static final Duration APPEAL_HALF_LIFE = Duration.ofHours(24);
  /** Articles older than this are practically never opened and are not considered. */
  private static final Duration MAX_ARTICLE_AGE = Duration.ofDays(6);
  private static final double FOLLOW_STORY = 0.55;
  private static final double STAY_IN_SECTION = 0.25;
  private static final double BREAKING_BOOST = 25.0;
  private static final String BASE_URL = "https://eplly.example/";

  private final DemoConfig config;
  private final List<Article> articles;
  private final List<String> sections;
  private final int[] storyOf;
  private final int[][] storyMembers;
  private final double[] appeal;
  private final int breakingStory;
  private final double[][] readerInterest;
  private final double[] readerActivityCdf;
  private final ArticlePool allSections;
  private final Map<String, ArticlePool> bySection;
  private final Map<String, Integer> indexOf = new HashMap<>();

  public DemoDataGenerator(DemoConfig config) {
    this.config = config;
    this.sections = Vocabulary.SECTION_SHARE.keySet().stream().sorted().toList();
    Random rnd = new Random(config.seed());
    Catalog catalog = buildCatalog(rnd);
    this.articles = catalog.articles;
    this.storyOf = catalog.storyOf;
    this.storyMembers = catalog.storyMembers;
    this.appeal = catalog.appeal;
    this.breakingStory = catalog.breakingStory;
    this.readerInterest = new double[config.readers()][];
    double[] activity = new double[config.readers()];
    for (int r = 0; r < config.readers(); r++) {
      readerInterest[r] = interests(rnd);
      activity[r] = Math.exp(rnd.nextGaussian() * 1.0);
    }
    this.readerActivityCdf = cdf(activity);
    this.allSections = ArticlePool.of(articles, appeal, null, config.endEpochMs());
    for (int i = 0; i < articles.size(); i++) {
      indexOf.put(articles.get(i).articleId(), i);
    }
    this.bySection = new HashMap<>();
    for (String section : sections) {
      bySection.put(section, ArticlePool.of(articles, appeal, section, config.endEpochMs()));
    }
  }

  /** How many readers the page views come from ({@code r-00001} up to this). */
  public int readers() {
    return readerInterest.length;
  }

  /** The catalog, ordered by publish time. */
  public List<Article> articles() {
    return articles;
  }

  /** The articles of the breaking story, whose readership spikes in the last hours. */
  public Set<String> breakingArticleIds() {
    Set<String> ids = new HashSet<>();
    for (int i : storyMembers[breakingStory]) {
      ids.add(articles.get(i).articleId());
    }
    return ids;
  }

  /**
   * How likely reader {@code readerId} (as in the page views: {@code r-00001}...) is to open
   * {@code candidate} right after reading {@code current} at {@code t}: the mixture the page views
   * are drawn from (follow the story, stay in the section, or pick a section by the reader's
   * interests; within each, by decayed appeal), for an article the reader has not read. The reader
   * simulator's true click model; 0 for unknown ids, the current article, or an article not yet
   * published, hidden or older than the articles readers still open.
   */
  public double nextReadProbability(String readerId, String current, String candidate, long t) {
    Integer c = indexOf.get(current);
    Integer j = indexOf.get(candidate);
    int reader = readerIndex(readerId);
    if (c == null || j == null || c.equals(j) || reader < 0) {
      return 0;
    }
    String section = articles.get(j).category();
    // the walk never reopens the current article: within a pool, it is drawn among the others
    double sectionShare = bySection.get(section).share(j, c, t);
    if (sectionShare == 0) {
      return 0;
    }
    double story = 0;
    for (int member : storyMembers[storyOf[c]]) {
      story += member == c ? 0 : decayedAppeal(member, t);
    }
    double p = 0;
    if (storyOf[c] == storyOf[j]) {
      p += FOLLOW_STORY * decayedAppeal(j, t) / story;
    }
    if (articles.get(c).category().equals(section)) {
      p += STAY_IN_SECTION * sectionShare;
    }
    // with no other article in the story, the walk picks by interest instead
    double byInterest = 1 - STAY_IN_SECTION - (story > 0 ? FOLLOW_STORY : 0);
    double[] interest = readerInterest[reader];
    int k = sections.indexOf(section);
    return p + byInterest * (interest[k] - (k == 0 ? 0 : interest[k - 1])) * sectionShare;
  }

  private int readerIndex(String readerId) {
    if (readerId == null || !readerId.matches("r-\\d{5,}")) {
      return -1;
    }
    int index = Integer.parseInt(readerId.substring(2)) - 1;
    return index >= 0 && index < readerInterest.length ? index : -1;
  }

  /** An article's appeal at {@code t}, as the session walk weighs it; 0 before publication or when hidden. */
  private double decayedAppeal(int article, long t) {
    Article a = articles.get(article);
    if (a.publishedAt() > t || a.hidden()) {
      return 0;
    }
    return appeal[article] * Math.pow(0.5, (double) (t - a.publishedAt()) / APPEAL_HALF_LIFE.toMillis());
  }

  /** The page views, lazily generated; every call replays the same sequence. */
  public Iterator<PageView> pageViews() {
    return new Sessions();
  }

  public Stream<PageView> pageViewStream() {
    return StreamSupport.stream(((Iterable<PageView>) this::pageViews).spliterator(), false);
  }

  // --- catalog ------------------------------------------------------------------------------------

  private record Catalog(List<Article> articles, int[] storyOf, int[][] storyMembers, double[] appeal, int breakingStory) {}

  private record Draft(String section, String topic, int story, long publishedAt, double appeal) {}

  private Catalog buildCatalog(Random rnd) {
    long end = config.endEpochMs();
    long start = end - config.span().toMillis() - Duration.ofDays(2).toMillis();
    List<Draft> drafts = new ArrayList<>();
    int story = 0;
    int breaking = -1;
    while (drafts.size() < config.articles()) {
      String section = pick(rnd, Vocabulary.SECTION_SHARE);
      List<String> topics = Vocabulary.TOPICS.get(section);
      String topic = topics.get(rnd.nextInt(topics.size()));
      boolean isBreaking = breaking < 0 && drafts.size() >= config.articles() / 2 && section.equals("science");
      int size = isBreaking ? 4 : 1 + Math.min(5, (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * 1.8));
      long first = isBreaking
          ? end - Duration.ofHours(10).toMillis()
          : start + (long) (rnd.nextDouble() * (end - start));
      double storyAppeal = Math.exp(rnd.nextGaussian() * 0.8);
      for (int i = 0; i < size && drafts.size() < config.articles(); i++) {
        long publishedAt = i == 0 ? first : first + (long) (-Math.log(1 - rnd.nextDouble()) * Duration.ofHours(6).toMillis());
        drafts.add(new Draft(section, topic, story, Math.min(publishedAt, end - 60_000),
            storyAppeal * Math.exp(rnd.nextGaussian() * 0.5) * (isBreaking ? BREAKING_BOOST : 1.0)));
      }
      if (isBreaking) {
        breaking = story;
      }
      story++;
    }
    if (breaking < 0) {
      breaking = drafts.get(drafts.size() - 1).story();
    }
    drafts.sort(Comparator.comparingLong(Draft::publishedAt));

    List<Article> out = new ArrayList<>(drafts.size());
    int[] storyOf = new int[drafts.size()];
    double[] appeal = new double[drafts.size()];
    List<List<Integer>> members = new ArrayList<>();
    for (int s = 0; s < story; s++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      String id = String.format(Locale.ROOT, "a-%05d", i + 1);
      String title = headline(rnd, d.topic());
      out.add(new Article(id, title, BASE_URL + d.section() + "/" + slug(title) + "-" + id, d.section(),
          d.publishedAt(), summary(rnd, d.topic(), d.section()), tags(d), null, rnd.nextDouble() < 0.01));
      storyOf[i] = d.story();
      appeal[i] = d.appeal();
      members.get(d.story()).add(i);
    }
    int[][] storyMembers = members.stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    return new Catalog(List.copyOf(out), storyOf, storyMembers, appeal, breaking);
  }

  private static String headline(Random rnd, String topic) {
    String t = Vocabulary.HEADLINES.get(rnd.nextInt(Vocabulary.HEADLINES.size())).replace("{t}", topic);
    return Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }

  private static String summary(Random rnd, String topic, String section) {
    List<String> s = new ArrayList<>(Vocabulary.SENTENCES);
    java.util.Collections.shuffle(s, rnd);
    return String.join(" ", s.subList(0, 3)).replace("{t}", topic).replace("{s}", section);
  }

  private static List<String> tags(Draft d) {
    return List.of(d.section(), d.topic().toLowerCase(Locale.ROOT).replace(' ', '-').replace("'", ""));
  }

  private static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  private double[] interests(Random rnd) {
    double[] w = new double[sections.size()];
    Arrays.fill(w, 0.15);
    int favourites = 1 + rnd.nextInt(3);
    for (int f = 0; f < favourites; f++) {
      w[rnd.nextInt(w.length)] += 1.0 + rnd.nextDouble() * 2.0;
    }
    return cdf(w);
  }

  // --- sessions -----------------------------------------------------------------------------------

  /** Emits sessions in order of their start time; events of overlapping sessions interleave little. */
  private final class Sessions implements Iterator<PageView> {
    private final SplittableRandom rnd = new SplittableRandom(config.seed() * 31 + 7);
    private final SessionPlan plan = planSessions(rnd);
    private final List<PageView> pending = new ArrayList<>();
    private int sessionIndex;
    private int pendingIndex;

    @Override
    public boolean hasNext() {
      while (pendingIndex >= pending.size() && sessionIndex < plan.starts().length) {
        pending.clear();
        pendingIndex = 0;
        session(sessionIndex, plan.starts()[sessionIndex], plan.lengths()[sessionIndex]);
        sessionIndex++;
      }
      return pendingIndex < pending.size();
    }

    @Override
    public PageView next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.get(pendingIndex++);
    }

    private void session(int index, long start, int length) {
      int reader = bucket(readerActivityCdf, rnd.nextDouble());
      String readerId = String.format(Locale.ROOT, "r-%05d", reader + 1);
      String sessionId = String.format(Locale.ROOT, "s-%07d", index + 1);
      long t = start;
      Set<Integer> seen = new HashSet<>();
      int current = -1;
      String referrer = null;
      for (int i = 0; i < length && t <= config.endEpochMs(); i++) {
        int next = nextArticle(reader, current, t, seen);
        if (next < 0) {
          break;
        }
        long dwell = (long) (Math.exp(4.0 + rnd.nextGaussian() * 0.7) * 1000);
        pending.add(new PageView(uuid(), readerId, articles.get(next).articleId(), sessionId, t,
            referrer, Math.min(dwell, Duration.ofMinutes(30).toMillis())));
        // Some follow-up reads arrive through the "You Might Like" block, as on the real portal.
        referrer = rnd.nextDouble() < 0.3 ? articles.get(next).articleId() : null;
        seen.add(next);
        current = next;
        t += dwell + 2_000 + rnd.nextInt(8_000);
      }
    }

    private int nextArticle(int reader, int current, long t, Set<Integer> seen) {
      if (current >= 0) {
        double u = rnd.nextDouble();
        if (u < FOLLOW_STORY) {
          int sibling = pickFrom(storyMembers[storyOf[current]], t, seen);
          if (sibling >= 0) {
            return sibling;
          }
        } else if (u < FOLLOW_STORY + STAY_IN_SECTION) {
          return pickInSection(articles.get(current).category(), t, seen);
        }
      }
      String section = sections.get(bucket(readerInterest[reader], rnd.nextDouble()));
      int a = pickInSection(section, t, seen);
      return a >= 0 ? a : pickInSection(null, t, seen);
    }

    private int pickFrom(int[] candidates, long t, Set<Integer> seen) {
      double total = 0;
      double[] w = new double[candidates.length];
      for (int i = 0; i < candidates.length; i++) {
        w[i] = weight(candidates[i], t, seen);
        total += w[i];
      }
      return total <= 0 ? -1 : candidates[sample(w, total)];
    }

    private int pickInSection(String section, long t, Set<Integer> seen) {
      return (section == null ? allSections : bySection.get(section)).pick(t, seen, rnd);
    }

    private double weight(int article, long t, Set<Integer> seen) {
      Article a = articles.get(article);
      if (a.publishedAt() > t || a.hidden() || seen.contains(article)) {
        return 0;
      }
      double ageHalfLives = (double) (t - a.publishedAt()) / APPEAL_HALF_LIFE.toMillis();
      return appeal[article] * Math.pow(0.5, ageHalfLives);
    }

    private int sample(double[] w, double total) {
      double u = rnd.nextDouble() * total;
      for (int i = 0; i < w.length; i++) {
        u -= w[i];
        if (u <= 0 && w[i] > 0) {
          return i;
        }
      }
      for (int i = w.length - 1; i >= 0; i--) {
        if (w[i] > 0) {
          return i;
        }
      }
      return 0;
    }

    private String uuid() {
      long msb = (rnd.nextLong() & ~0xF000L) | 0x4000L;
      long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(msb, lsb).toString();
    }
  }

  /**
   * The articles of one section (or all), for drawing one by appeal that decays with age in
   * O(log n) instead of weighing every article of the last days on every page view.
   *
   * <p>{@code appeal * 0.5^((t - publishedAt) / halfLife)} factors into a part fixed per article
   * and a part shared by all articles at time {@code t}, so a draw at {@code t} is a draw by fixed
   * weights from the contiguous run of articles published in {@code (t - MAX_ARTICLE_AGE, t]}:
   * a binary search in prefix sums. Articles already read in the session are subtracted.
   */
  private static final class ArticlePool {
    private final int[] members;
    private final long[] publishedAt;
    private final double[] weight;
    private final double[] prefix;
    private final int[] servablePrefix;
    private final Map<Integer, Integer> positionOf;

    private ArticlePool(int[] members, long[] publishedAt, double[] weight) {
      this.members = members;
      this.publishedAt = publishedAt;
      this.weight = weight;
      this.prefix = new double[members.length + 1];
      this.servablePrefix = new int[members.length + 1];
      this.positionOf = new HashMap<>();
      for (int i = 0; i < members.length; i++) {
        prefix[i + 1] = prefix[i] + weight[i];
        servablePrefix[i + 1] = servablePrefix[i] + (weight[i] > 0 ? 1 : 0);
        positionOf.put(members[i], i);
      }
    }

    /** The catalog's articles of {@code section} (null: all), weights relative to {@code end}. */
    static ArticlePool of(List<Article> articles, double[] appeal, String section, long end) {
      List<Integer> picked = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        if (section == null || articles.get(i).category().equals(section)) {
          picked.add(i);
        }
      }
      int[] members = picked.stream().mapToInt(Integer::intValue).toArray();
      long[] published = new long[members.length];
      double[] weight = new double[members.length];
      for (int i = 0; i < members.length; i++) {
        Article a = articles.get(members[i]);
        published[i] = a.publishedAt();
        double halfLivesBeforeEnd = (double) (a.publishedAt() - end) / APPEAL_HALF_LIFE.toMillis();
        weight[i] = a.hidden() ? 0 : appeal[members[i]] * Math.pow(2, halfLivesBeforeEnd);
      }
      return new ArticlePool(members, published, weight);
    }

    /** The chance {@link #pick} draws {@code article} at {@code t} when only {@code read} was seen; 0 outside its window. */
    double share(int article, int read, long t) {
      Integer p = positionOf.get(article);
      int lo = firstPublishedAfter(t - MAX_ARTICLE_AGE.toMillis());
      int hi = firstPublishedAfter(t);
      if (p == null || p < lo || p >= hi || weight[p] == 0) {
        return 0;
      }
      Integer r = positionOf.get(read);
      double readWeight = r != null && r >= lo && r < hi ? weight[r] : 0;
      return weight[p] / (prefix[hi] - prefix[lo] - readWeight);
    }

    /** An article readable at {@code t} and not in {@code seen}, drawn by decayed appeal; -1 when none. */
    int pick(long t, Set<Integer> seen, SplittableRandom rnd) {
      int lo = firstPublishedAfter(t - MAX_ARTICLE_AGE.toMillis());
      int hi = firstPublishedAfter(t);
      int[] seenPositions = seen.stream().map(positionOf::get)
          .filter(p -> p != null && p >= lo && p < hi && weight[p] > 0)
          .mapToInt(Integer::intValue).sorted().toArray();
      if (servablePrefix[hi] - servablePrefix[lo] - seenPositions.length <= 0) {
        return -1;
      }
      double seenWeight = 0;
      for (int p : seenPositions) {
        seenWeight += weight[p];
      }
      double u = rnd.nextDouble() * (prefix[hi] - prefix[lo] - seenWeight);
      // The first position whose cumulative unseen weight reaches u.
      int left = lo;
      int right = hi - 1;
      while (left < right) {
        int mid = (left + right) >>> 1;
        if (cumulative(lo, mid, seenPositions) >= u) {
          right = mid;
        } else {
          left = mid + 1;
        }
      }
      // Rounding may land on an article of weight 0 (hidden or seen): take the next one that counts.
      for (int j = left; j < hi; j++) {
        if (counts(j, seenPositions)) {
          return members[j];
        }
      }
      for (int j = left - 1; j >= lo; j--) {
        if (counts(j, seenPositions)) {
          return members[j];
        }
      }
      return -1;
    }

    private double cumulative(int lo, int upTo, int[] seenPositions) {
      double sum = prefix[upTo + 1] - prefix[lo];
      for (int p : seenPositions) {
        if (p <= upTo) {
          sum -= weight[p];
        }
      }
      return sum;
    }

    private boolean counts(int position, int[] seenPositions) {
      return weight[position] > 0 && Arrays.binarySearch(seenPositions, position) < 0;
    }

    private int firstPublishedAfter(long t) {
      int lo = 0;
      int hi = publishedAt.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (publishedAt[mid] <= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** Session lengths summing to the configured page views, and their start times. */
  private record SessionPlan(long[] starts, int[] lengths) {}

  /**
   * Plans sessions up front so that the last hours are as busy as the first ones: lengths are
   * geometric (most sessions are short), start times follow a daily rhythm (busy evenings, quiet
   * nights) and are sorted so that page views come out in roughly chronological order.
   */
  private SessionPlan planSessions(SplittableRandom rnd) {
    List<Integer> lengths = new ArrayList<>();
    int total = 0;
    while (total < config.pageViews()) {
      int length = Math.min(12, 1 + (int) Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(0.62)));
      length = Math.min(length, config.pageViews() - total);
      lengths.add(length);
      total += length;
    }
    long end = config.endEpochMs();
    long start = end - config.span().toMillis();
    long[] starts = new long[lengths.size()];
    for (int i = 0; i < starts.length; ) {
      long t = start + (long) (rnd.nextDouble() * (end - start));
      double hour = (t / 3_600_000.0) % 24;
      double rhythm = 0.55 + 0.45 * Math.sin((hour - 9) / 24 * 2 * Math.PI);
      if (rnd.nextDouble() < rhythm) {
        starts[i++] = t;
      }
    }
    Arrays.sort(starts);
    return new SessionPlan(starts, lengths.stream().mapToInt(Integer::intValue).toArray());
  }

  private static String pick(Random rnd, Map<String, Double> shares) {
    double u = rnd.nextDouble();
    String last = null;
    for (Map.Entry<String, Double> e : new TreeMap<>(shares).entrySet()) {
      last = e.getKey();
      u -= e.getValue();
      if (u <= 0) {
        return last;
      }
    }
    return last;
  }

  /** The index whose cumulative-weight bucket holds {@code u} in [0, 1). */
  private static int bucket(double[] cdf, double u) {
    int i = Arrays.binarySearch(cdf, u);
    return Math.min(i >= 0 ? i : -i - 1, cdf.length - 1);
  }

  private static double[] cdf(double[] weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i] / sum;
      c[i] = acc;
    }
    c[c.length - 1] = 1.0;
    return c;
  }
}
