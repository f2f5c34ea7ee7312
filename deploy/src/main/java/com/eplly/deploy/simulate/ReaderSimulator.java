package com.eplly.deploy.simulate;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ViewableImpression;
import com.eplly.deploy.client.ApiClient;
import com.eplly.generator.DemoDataGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plays the demo portal's readers against a running api through the widget's endpoints: a reader
 * opens an article ({@code POST /v1/events}), asks for the block under it, sees it (a share of
 * blocks is scrolled past: {@code POST /v1/impressions} only for the others), clicks by the
 * {@link ClickModel} (the page view of the clicked article carries the block's requestId and
 * position) or reads on by the portal's own next-read distribution, and leaves after a while. It keeps, per
 * experiment arm, the clicks the click model expected, so the measured CTRs can be set against
 * the true ones.
 */
public final class ReaderSimulator implements AutoCloseable {

  /**
   * @param blocksPerSecond recommendation requests per second
   * @param viewableShare   share of blocks scrolled into view
   * @param leaveShare      chance a reader leaves after each article
   * @param openSessions    readers browsing at once
   */
  public record Options(double blocksPerSecond, double viewableShare, double leaveShare, int openSessions, long seed) {

    public static Options standard() {
      return new Options(20, 0.7, 0.2, 50, 7);
    }
  }

  /**
   * Per arm: readers served, answers, viewable ones, clicks, and the clicks the click model expected
   * on the viewable ones.
   */
  public record ArmTally(long units, long served, long viewable, long clicks, double expectedClicks) {

    public double ctr() {
      return viewable == 0 ? 0 : clicks / (double) viewable;
    }

    public double trueCtr() {
      return viewable == 0 ? 0 : expectedClicks / viewable;
    }
  }

  /** Outside any experiment. */
  public static final String NO_ARM = "-";

  private static final int BLOCK = 6;

  /** One reader's visit: the article open now (its page view already sent). */
  private record Visit(String readerId, String sessionId, String current) {}

  private final ApiClient api;
  private final DemoDataGenerator portal;
  private final ClickModel clicks;
  private final EventCodec codec;
  private final Clock clock;
  private final Options options;
  private final SplittableRandom random;
  private final List<Visit> open = new ArrayList<>();
  private final Map<String, ArmTally> tallies = new TreeMap<>();
  private final Map<String, Set<String>> readers = new HashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "reader-simulator");
    t.setDaemon(true);
    return t;
  });
  /** Refused or failed calls by endpoint and status ("events 429"), or by exception. */
  private final Map<String, Long> failures = new TreeMap<>();

  public ReaderSimulator(ApiClient api, DemoDataGenerator portal, ClickModel clicks, Clock clock, Options options) {
    this.api = api;
    this.portal = portal;
    this.clicks = clicks;
    this.codec = new EventCodec(clock);
    this.clock = clock;
    this.options = options;
    this.random = new SplittableRandom(options.seed());
  }

  /** Steps at {@code blocksPerSecond} on a thread of its own, handing {@link #summary()} to {@code report} every {@code reportEvery}. */
  public void start(Consumer<String> report, Duration reportEvery) {
    long period = (long) (1e9 / options.blocksPerSecond());
    scheduler.scheduleAtFixedRate(this::stepSafely, 0, period, TimeUnit.NANOSECONDS);
    scheduler.scheduleAtFixedRate(() -> report.accept(summary()), reportEvery.toMillis(), reportEvery.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** One block: the request under the open article, maybe a viewable impression, then the next page view. */
  public synchronized void step() {
    Visit visit = visit();
    long now = clock.millis();
    ApiClient.Recommendations answer = api.recommendations(visit.current(), visit.readerId(), visit.sessionId(), BLOCK);
    open.remove(visit);
    if (answer.status() != 200) {
      failed("recommendations " + answer.status());
      return;
    }
    String arm = answer.arm() == null ? NO_ARM : answer.arm();
    List<String> block = answer.ids();
    boolean viewable = !block.isEmpty() && random.nextDouble() < options.viewableShare();
    double expected = 0;
    int clicked = 0;
    if (viewable) {
      int status = api.postImpression(codec.encode(new ViewableImpression(answer.requestId(), now, visit.readerId(),
          visit.sessionId(), block))).status();
      if (status != 202) {
        failed("impressions " + status);
        viewable = false;
      } else {
        expected = clicks.blockClickProbability(visit.readerId(), visit.current(), block, now);
        clicked = clicks.click(visit.readerId(), visit.current(), block, now, random);
      }
    }
    if (clicked > 0 && !read(visit, block.get(clicked - 1), answer.requestId(), clicked)) {
      clicked = 0;
    }
    tally(arm, visit.readerId(), viewable, clicked > 0, expected);
    if (clicked > 0 || random.nextDouble() < options.leaveShare()) {
      return;
    }
    String next = nextRead(visit.readerId(), visit.current(), now);
    if (next != null) {
      read(visit, next, null, null);
    }
  }

  /** Every arm's tally so far. */
  public synchronized Map<String, ArmTally> tallies() {
    return Map.copyOf(tallies);
  }

  /** One line per arm: measured and true CTR. */
  public synchronized String summary() {
    StringBuilder s = new StringBuilder("simulator:");
    tallies.forEach((arm, t) -> s.append(String.format(Locale.ROOT, " arm %s %,d served %,d viewable CTR %.2f %% (true %.2f %%);",
        arm, t.served(), t.viewable(), 100 * t.ctr(), 100 * t.trueCtr())));
    if (!failures.isEmpty()) {
      s.append(" failed requests:");
      failures.forEach((what, n) -> s.append(" ").append(what).append(" ×").append(n));
    }
    return s.toString();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private void stepSafely() {
    try {
      step();
    } catch (RuntimeException e) {
      synchronized (this) {
        failed(e.getClass().getSimpleName());
      }
    }
  }

  private void failed(String what) {
    failures.merge(what, 1L, Long::sum);
  }

  /**
   * A browsing reader, or a new one arriving on one of the newest articles whenever fewer than
   * {@code openSessions} browse: each reader then takes about openSessions / blocksPerSecond seconds per
   * page, as a person does, rather than a lone first reader taking every step (and the api's
   * per-reader rate limit answering 429).
   */
  private Visit visit() {
    List<Article> newest = open.size() >= options.openSessions() ? List.of()
        : portal.articles().stream().filter(a -> a.publishedAt() <= clock.millis() && !a.hidden())
            .sorted(Comparator.comparingLong(Article::publishedAt).reversed()).limit(50).toList();
    // bounded: an api refusing every page view must not hold the step forever
    for (int tries = 0; open.size() < options.openSessions() && tries < options.openSessions(); tries++) {
      String reader = String.format(Locale.ROOT, "r-%05d", 1 + random.nextInt(portal.readers()));
      read(new Visit(reader, "sim-" + UUID.randomUUID(), null), newest.get(random.nextInt(newest.size())).articleId(),
          null, null);
    }
    if (open.isEmpty()) {
      throw new IllegalStateException("no reader could open an article: the api refused the page view");
    }
    return open.get(random.nextInt(open.size()));
  }

  /**
   * The reader opens {@code article} (a click on the block when {@code requestId} is given): its page
   * view is sent, and the visit goes on there if the api took it.
   */
  private boolean read(Visit from, String article, String requestId, Integer position) {
    ApiClient.EventAnswer sent = api.postEvent(codec.encode(new PageView(UUID.randomUUID().toString(),
        from.readerId(), article, from.sessionId(), clock.millis(), requestId == null ? null : from.current(), null,
        requestId, position)));
    if (!sent.accepted()) {
      failed("events " + sent.status());
      return false;
    }
    open.add(new Visit(from.readerId(), from.sessionId(), article));
    return true;
  }

  /** What the reader opens next without the block: drawn from the portal's next-read distribution. */
  private String nextRead(String readerId, String current, long now) {
    List<Article> catalog = portal.articles();
    double[] p = new double[catalog.size()];
    double total = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = portal.nextReadProbability(readerId, current, catalog.get(i).articleId(), now);
      total += p[i];
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < p.length && total > 0; i++) {
      u -= p[i];
      if (u <= 0 && p[i] > 0) {
        return catalog.get(i).articleId();
      }
    }
    return null;
  }

  private void tally(String arm, String reader, boolean viewable, boolean clicked, double expected) {
    Set<String> served = readers.computeIfAbsent(arm, a -> new HashSet<>());
    served.add(reader);
    ArmTally t = tallies.getOrDefault(arm, new ArmTally(0, 0, 0, 0, 0));
    tallies.put(arm, new ArmTally(served.size(), t.served() + 1, t.viewable() + (viewable ? 1 : 0),
        t.clicks() + (clicked ? 1 : 0), t.expectedClicks() + expected));
  }
}
