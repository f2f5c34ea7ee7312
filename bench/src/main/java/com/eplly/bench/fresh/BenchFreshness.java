package com.eplly.bench.fresh;

import com.eplly.deploy.client.ApiClient;
import com.eplly.deploy.process.ServiceProcess;
import com.eplly.deploy.process.WorkFolder;
import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.bench.ingest.BenchStack;
import com.eplly.deploy.lake.LakeProgress;
import com.eplly.deploy.process.Await;
import com.eplly.deploy.process.StepFailedException;
import com.eplly.deploy.service.RepoLayout;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Freshness without retraining ({@code deploy/bin/bench-freshness}): broker, Redis, the ingest and
 * api jars on free ports, a small demo portal streamed in, then page-view and article freshness.
 * <pre>
 *   [--views 200] [--articles 20] [--demo-views 5000] [--keep]
 * </pre>
 * Exit status 0 when both targets are met (page view p99 ≤ 1 s, new article p99 ≤ 60 s, for the
 * catalog, {@code latest} and live {@code similar-content}).
 */
public final class BenchFreshness {

  static final double PAGE_VIEW_TARGET_MS = 1_000;
  static final double ARTICLE_TARGET_MS = 60_000;

  private BenchFreshness() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--keep")) {
        opts.put("keep", "true");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        opts.put(args[i].substring(2), args[++i]);
      } else {
        out.println("usage: bench-freshness [--views 200] [--articles 20] [--demo-views 5000] [--keep]");
        System.exit(2);
      }
    }
    int views = Integer.parseInt(opts.getOrDefault("views", "200"));
    int articles = Integer.parseInt(opts.getOrDefault("articles", "20"));
    int demoViews = Integer.parseInt(opts.getOrDefault("demo-views", "5000"));
    RepoLayout repo = new RepoLayout(Path.of(System.getProperty("eplly.repo.root", ".")));
    Path work = repo.root().resolve("bench/target/bench-freshness");
    boolean ok;
    try {
      WorkFolder.clean(work);
      try (BenchStack stack = BenchStack.start(work, repo, 2, "512mb", !opts.containsKey("keep"))) {
        out.printf("[bench-freshness] kafka %s, redis %d, work folder %s%n", stack.broker().bootstrapServers(),
            stack.redis().port(), work);
        ok = run(stack, out, views, articles, demoViews);
      }
    } catch (StepFailedException e) {
      out.println("[bench-freshness] FAILED: " + e.report());
      ok = false;
    }
    out.printf(Locale.ROOT, "[bench-freshness] %s; logs in %s%n", ok ? "targets met" : "targets NOT MET", work.resolve("logs"));
    System.exit(ok ? 0 : 1);
  }

  private static boolean run(BenchStack stack, PrintStream out, int views, int articles, int demoViews) {
    EventCodec codec = new EventCodec(Clock.systemUTC());
    long now = System.currentTimeMillis();
    DemoDataGenerator demo = new DemoDataGenerator(new DemoConfig(4L, 300, 400, demoViews, now, Duration.ofHours(2)));
    List<Article> catalog = demo.articles();
    try (ServiceProcess ingest = stack.startIngest("ingest", "fresh-" + UUID.randomUUID(), List.of());
         ServiceProcess apiProcess = stack.startApi();
         Producer<String, byte[]> producer = immediateProducer(stack.broker().bootstrapServers())) {
      Set<String> readers = new LinkedHashSet<>();
      long sent = 0;
      for (Article a : catalog) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, a.articleId(), codec.encode(a)));
      }
      for (var it = demo.pageViews(); it.hasNext(); ) {
        PageView v = it.next();
        producer.send(new ProducerRecord<>(Topics.PAGE_VIEWS, v.readerId(), codec.encode(v)));
        readers.add(v.readerId());
        sent++;
      }
      producer.flush();
      long total = sent;
      out.printf(Locale.ROOT, "[bench-freshness] demo portal streamed: %,d articles, %,d page views of %,d readers%n",
          catalog.size(), total, readers.size());
      Await.until("ingest to take in the demo portal", Duration.ofSeconds(120), ingest.child(),
          () -> LakeProgress.offsetsCovered(stack.lake(), LakeLayout.PAGE_VIEWS) >= total
              && LakeProgress.offsetsCovered(stack.lake(), LakeLayout.ARTICLES) >= catalog.size());

      ApiClient api = new ApiClient(apiProcess.base(), Duration.ofSeconds(5));
      // The api's first send fetches topic metadata (a cold producer): not what freshness measures.
      PageView warmUp = new PageView(UUID.randomUUID().toString(), "fresh-warm-up", catalog.get(0).articleId(),
          "fresh-warm-up", System.currentTimeMillis(), null, null);
      Await.until("the api's first accepted page view", Duration.ofSeconds(60), apiProcess.child(),
          () -> api.postEvent(codec.encode(warmUp)).accepted());
      Duration viewDeadline = Duration.ofSeconds(10);
      out.printf(Locale.ROOT, "[bench-freshness] page-view freshness: %d rounds (poll every %d ms, deadline %d s)%n",
          views, Poll.INTERVAL.toMillis(), viewDeadline.toSeconds());
      PageViewFreshness.Result pv = new PageViewFreshness(api, stack.redisClient(), codec, out)
          .run(new ArrayList<>(readers), views, viewDeadline);
      Duration articleDeadline = Duration.ofSeconds(90);
      out.printf(Locale.ROOT, "[bench-freshness] article freshness: %d rounds (deadline %d s)%n", articles, articleDeadline.toSeconds());
      List<Article> related = catalog.stream().filter(a -> a.servableAt(System.currentTimeMillis())).toList();
      ArticleFreshness.Result ar = new ArticleFreshness(api, producer, codec, out).run(related, articles, articleDeadline);
      return summary(out, pv, ar);
    }
  }

  private static boolean summary(PrintStream out, PageViewFreshness.Result pv, ArticleFreshness.Result ar) {
    out.println("[bench-freshness] summary (ms from POST /v1/events or from the send to the articles topic):");
    boolean ok = true;
    for (Latencies l : List.of(pv.excluded(), pv.trending(), pv.coVisit())) {
      boolean met = l.misses() == 0 && l.percentile(99) <= PAGE_VIEW_TARGET_MS;
      ok &= met;
      out.printf(Locale.ROOT, "  %s  target p99 <= 1 s: %s%n", l.line(), met ? "PASS" : "NOT MET");
    }
    for (Latencies l : ar.all()) {
      boolean met = l.misses() == 0 && l.percentile(99) <= ARTICLE_TARGET_MS;
      ok &= met;
      out.printf(Locale.ROOT, "  %s  target p99 <= 60 s: %s%n", l.line(), met ? "PASS" : "NOT MET");
    }
    out.println("  note: similar-content for a new article here is ingest's live content index (no training runs);"
        + " \"under related\" asks limit=10 under the article the new one follows up on.");
    return ok;
  }

  /** Sends at once (no linger), so the measured time is the pipeline's, not the producer's batching. */
  private static Producer<String, byte[]> immediateProducer(String bootstrap) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.CLIENT_ID_CONFIG, "eplly-bench-freshness"),
        new StringSerializer(), new ByteArraySerializer());
  }
}
