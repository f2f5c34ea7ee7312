package com.eplly.bench.ingest;

import com.eplly.deploy.process.ServiceProcess;
import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.deploy.lake.LakeProgress;
import com.eplly.deploy.process.Await;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import redis.clients.jedis.Jedis;

/**
 * Memory: a catalog and page views of a million readers go through the real ingest process into
 * Redis; then the keyspace is scanned for bytes per reader and per article, TTLs and caps.
 */
public final class MemoryRun {

  /** The ingest defaults the caps are checked against (eplly.ingest.live / catalog). */
  static final Map<String, Long> CAPS = Map.of("reader", 100L, "session", 20L, "covisit", 100L, "articles", 5_000L);

  /** Budget of the issue: 0.5 GiB of reader state per million readers. */
  static final double BUDGET_BYTES_PER_READER = 0.5 * (1L << 30) / 1_000_000;

  /**
   * @param readers        distinct readers
   * @param articles       catalog size
   * @param readsPerReader mean page views per reader (geometric, at least one)
   * @param extraArgs      further ingest settings
   */
  public record Options(int readers, int articles, double readsPerReader, List<String> extraArgs) {}

  /** The figures and whether they meet the budget, TTL and cap rules. */
  public record Result(RedisFootprint.Snapshot snapshot, long baseline, long views, double bytesPerReader,
      double bytesPerArticle, boolean capsHeld) {
    public boolean passed() {
      return snapshot.withoutTtl() == 0 && capsHeld && bytesPerReader <= BUDGET_BYTES_PER_READER;
    }
  }

  private final BenchStack stack;
  private final PrintStream out;

  public MemoryRun(BenchStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  public Result run(Options o) {
    long now = System.currentTimeMillis();
    EventCodec codec = new EventCodec(Clock.systemUTC());
    List<Article> catalog = new DemoDataGenerator(new DemoConfig(5L, o.articles(), 1, 0, now, Duration.ofDays(3))).articles();
    try (Jedis jedis = new Jedis("localhost", stack.redis().port())) {
      long baseline = RedisFootprint.usedMemory(jedis);
      long views;
      try (Producer<String, byte[]> producer = FastProducer.create(stack.broker().bootstrapServers())) {
        for (Article a : catalog) {
          producer.send(new ProducerRecord<>(Topics.ARTICLES, a.articleId(), codec.encode(a)));
        }
        producer.flush();
        out.printf(Locale.ROOT, "[memory] %,d articles sent; producing page views of %,d readers (%.1f reads each on average)%n",
            catalog.size(), o.readers(), o.readsPerReader());
        long expected = (long) (o.readers() * o.readsPerReader());
        views = new PageViewLoad(producer, codec, out).send(new ReaderViews(o, catalog, now), expected, null).sent();
      }
      long total = views;
      try (ServiceProcess ingest = stack.startIngest("ingest-memory", "memory-" + UUID.randomUUID(), o.extraArgs())) {
        long step = Math.max(1, total / 10);
        long[] reported = {0};
        Await.until("ingest to apply " + total + " views and " + catalog.size() + " articles",
            Duration.ofSeconds(120 + total / 2_000), ingest.child(), () -> {
              long n = LakeProgress.offsetsCovered(stack.lake(), LakeLayout.PAGE_VIEWS);
              if (n / step > reported[0] / step) {
                out.printf(Locale.ROOT, "  ingested %,d / %,d views%n", n, total);
                reported[0] = n;
              }
              return n >= total && LakeProgress.offsetsCovered(stack.lake(), LakeLayout.ARTICLES) >= catalog.size();
            });
      }
      out.println("[memory] scanning the keyspace (TTL of every key, MEMORY USAGE of a sample)");
      RedisFootprint.Snapshot s = RedisFootprint.take(jedis, 200);
      return report(o, s, baseline, views);
    }
  }

  private Result report(Options o, RedisFootprint.Snapshot s, long baseline, long views) {
    out.printf(Locale.ROOT, "[memory] %-9s %10s %8s %12s %10s %10s %8s%n", "group", "keys", "no-TTL", "bytes/key", "est. MB", "mean len", "max len");
    boolean caps = true;
    for (var e : s.groups().entrySet()) {
      RedisFootprint.Group g = e.getValue();
      Long cap = CAPS.get(e.getKey());
      boolean held = cap == null || g.maxLength() <= cap;
      caps &= held;
      out.printf(Locale.ROOT, "[memory] %-9s %,10d %8d %,12.0f %,10.1f %10.1f %8d%s%n", e.getKey(), g.keys(), g.withoutTtl(),
          g.meanBytes(), g.estimatedBytes() / 1e6, g.meanLength(), g.maxLength(), cap == null ? "" : held ? " (cap " + cap + ")" : " OVER CAP " + cap);
    }
    double readerBytes = estimated(s, "reader") + estimated(s, "session");
    double articleBytes = estimated(s, "article") + estimated(s, "covisit") + estimated(s, "articles");
    double perReader = readerBytes / o.readers();
    double perArticle = articleBytes / o.articles();
    long used = s.usedMemory() - baseline;
    out.printf(Locale.ROOT, "[memory] used_memory %,d bytes (%.2f GiB) above a baseline of %,d; dataset %,d; %,d keys, %d without TTL%n",
        used, used / (double) (1L << 30), baseline, s.datasetMemory(), s.keys(), s.withoutTtl());
    out.printf(Locale.ROOT, "[memory] %,d views of %,d readers and %,d articles%n", views, o.readers(), o.articles());
    out.printf(Locale.ROOT, "bytes per reader   %,.0f (reader + session lists; %.3f GiB per million readers, budget 0.5)%n",
        perReader, perReader * 1_000_000 / (1L << 30));
    out.printf(Locale.ROOT, "bytes per article  %,.0f (catalog hash + co-visits + latest index)%n", perArticle);
    out.printf(Locale.ROOT, "all state per reader %,.0f bytes (used_memory above baseline / readers: %.3f GiB per million)%n",
        used / (double) o.readers(), used / (double) o.readers() * 1_000_000 / (1L << 30));
    Result r = new Result(s, baseline, views, perReader, perArticle, caps);
    out.printf("[memory] %s%n", r.passed() ? "PASS: within budget, every key has a TTL, caps held" : "FAIL");
    return r;
  }

  private static double estimated(RedisFootprint.Snapshot s, String group) {
    RedisFootprint.Group g = s.groups().get(group);
    return g == null ? 0 : g.estimatedBytes();
  }

  /** Page views reader by reader: a geometric number of reads in one recent session, skewed towards popular articles. */
  private static final class ReaderViews implements Iterator<PageView> {
    private final Options o;
    private final List<String> articleIds = new ArrayList<>();
    private final long now;
    private final SplittableRandom rnd = new SplittableRandom(99);
    private final List<PageView> pending = new ArrayList<>();
    private int reader;
    private int next;

    ReaderViews(Options o, List<Article> catalog, long now) {
      this.o = o;
      this.now = now;
      // newest first, so the skew favours recent articles as real traffic does
      for (int i = catalog.size() - 1; i >= 0; i--) {
        if (catalog.get(i).servableAt(now)) {
          articleIds.add(catalog.get(i).articleId());
        }
      }
    }

    @Override
    public boolean hasNext() {
      while (next >= pending.size() && reader < o.readers()) {
        fill();
      }
      return next < pending.size();
    }

    @Override
    public PageView next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.get(next++);
    }

    private void fill() {
      pending.clear();
      next = 0;
      String readerId = String.format(Locale.ROOT, "r-%07d", reader);
      String sessionId = String.format(Locale.ROOT, "s-%07d", reader);
      double p = 1.0 / o.readsPerReader();
      int reads = 1;
      while (reads < 100 && rnd.nextDouble() > p) {
        reads++;
      }
      long t = now - 3_600_000L + rnd.nextLong(1_800_000L);
      for (int i = 0; i < reads; i++) {
        double u = rnd.nextDouble();
        String article = articleIds.get((int) (articleIds.size() * u * u * u));
        pending.add(new PageView(UUID.randomUUID().toString(), readerId, article, sessionId, t, null, 30_000L));
        t += 20_000 + rnd.nextInt(60_000);
      }
      reader++;
    }
  }
}
