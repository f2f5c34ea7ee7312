package com.eplly.bench.cluster;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.bench.ingest.LakeAudit;
import com.eplly.bench.ingest.PageViewLoad;
import com.eplly.deploy.client.ApiClient;
import com.eplly.deploy.demo.DemoProducer;
import com.eplly.deploy.lake.LakeProgress;
import com.eplly.deploy.process.Await;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * The cluster test's phases: a baseline, then one phase per fault. Each phase produces page views
 * (through a Kafka producer and through the api) and malformed records, breaks one part of the
 * stack half-way and keeps producing, waits until ingest has caught up, and counts: produced =
 * lake lines = distinct eventIds, every malformed record dead-lettered, the api answering from the
 * Redis Cluster, live state present.
 */
public final class FaultRun {

  /**
   * @param eventsPerPhase  valid page views per phase through the producer
   * @param viaApiPerPhase  valid page views per phase through {@code POST /v1/events}
   * @param invalidPerPhase malformed records per phase
   * @param faults          faults, one phase each, after the baseline phase
   * @param seed            generator seed
   */
  public record Options(int eventsPerPhase, int viaApiPerPhase, int invalidPerPhase, List<ClusterFaultSpec> faults, long seed) {}

  private static final int ARTICLES = 300;
  private static final int READERS = 5_000;

  private final ClusterStack stack;
  private final PrintStream out;
  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final Set<UUID> produced = ConcurrentHashMap.newKeySet();
  private final ApiClient api;
  private long viaApi;
  private long invalid;

  public FaultRun(ClusterStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
    this.api = new ApiClient(stack.api().base(), Duration.ofSeconds(60));
  }

  /** Runs the baseline and one phase per fault; returns the counts after each. */
  public List<PhaseCounts> run(Options o) {
    List<PhaseCounts> phases = new ArrayList<>();
    try (Producer<String, byte[]> producer = DemoProducer.create(stack.kafka().bootstrapServers())) {
      long now = System.currentTimeMillis();
      for (Article a : generator(o, 0, now).articles()) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, a.articleId(), codec.encode(a)));
      }
      producer.flush();
      List<ClusterFaultSpec> all = new ArrayList<>();
      all.add(new NoFaultSpec());
      all.addAll(o.faults());
      for (int i = 0; i < all.size(); i++) {
        PhaseCounts p = phase(i, all.get(i), o, producer);
        phases.add(p);
        out.printf(Locale.ROOT, "[cluster] %s: produced %,d | lake lines %,d | distinct %,d | missing %,d | DLQ %d/%d | api %d | %s%n",
            p.phase(), p.produced(), p.lake().lines(), p.lake().distinct(), p.lake().missing(), p.invalidSent(),
            p.deadLetters().distinct(), p.apiStatus(), p.passed() ? "PASS" : "FAIL");
      }
    }
    return phases;
  }

  private static DemoDataGenerator generator(Options o, int phase, long now) {
    return new DemoDataGenerator(new DemoConfig(o.seed() + phase, ARTICLES, READERS,
        o.eventsPerPhase() + o.viaApiPerPhase(), now, Duration.ofHours(6)));
  }

  private PhaseCounts phase(int index, ClusterFaultSpec fault, Options o, Producer<String, byte[]> producer) {
    long t0 = System.nanoTime();
    String name = index == 0 ? "baseline" : "fault-" + index;
    out.printf(Locale.ROOT, "[cluster] phase %s: %,d events via Kafka, %,d via the api, %,d malformed; fault: %s%n",
        name, o.eventsPerPhase(), o.viaApiPerPhase(), o.invalidPerPhase(), fault.description());
    Iterator<PageView> views = generator(o, index, System.currentTimeMillis()).pageViews();
    List<PageView> forApi = new ArrayList<>();
    while (forApi.size() < o.viaApiPerPhase() && views.hasNext()) {
      forApi.add(views.next());
    }
    List<PageView> forKafka = new ArrayList<>();
    views.forEachRemaining(forKafka::add);
    int half = forKafka.size() / 2;
    PageViewLoad load = new PageViewLoad(producer, codec, new PrintStream(OutputStream.nullOutputStream()));

    long before = produced.size();
    load.send(forKafka.subList(0, half).iterator(), half, produced);
    sendInvalid(producer, o.invalidPerPhase() / 2);
    // Break things while ingest is still busy with the first half.
    long target = before + half / 2;
    Await.until("the lake to hold " + target + " events", catchUp(o), null,
        () -> LakeProgress.lines(stack.lake(), LakeLayout.PAGE_VIEWS) >= target);
    fault.newWorker(stack, out).inject();
    out.printf(Locale.ROOT, "[cluster] fault injected: %s; producing on%n", fault.description());

    for (PageView v : forApi) {
      post(v);
      produced.add(UUID.fromString(v.eventId()));
      viaApi++;
    }
    load.send(forKafka.subList(half, forKafka.size()).iterator(), forKafka.size() - half, produced);
    sendInvalid(producer, o.invalidPerPhase() - o.invalidPerPhase() / 2);

    long expected = produced.size();
    Await.until("the lake to hold all " + expected + " events", catchUp(o), null,
        () -> LakeProgress.lines(stack.lake(), LakeLayout.PAGE_VIEWS) >= expected);
    String reader = forApi.isEmpty() ? forKafka.get(forKafka.size() - 1).readerId() : forApi.get(forApi.size() - 1).readerId();
    // Live state lags the lake by at most a batch: wait for it before counting.
    Await.until("live state of " + reader, Duration.ofSeconds(30), null,
        () -> stack.redisClient().llen(Keyspace.readerRecent(reader)) > 0);
    DeadLetters.Count dlq = awaitDeadLetters();
    ApiClient.Recommendations answer = recommend(reader);
    return new PhaseCounts(name, fault.description(), produced.size(), viaApi, LakeAudit.of(stack.lake(), produced), invalid,
        dlq, answer.status(), answer.degraded(), answer.items().size(), stack.redisClient().llen(Keyspace.readerRecent(reader)),
        catalogWithHashes(), stack.redis().keysPerMaster(), up(),
        (System.nanoTime() - t0) / 1e9);
  }

  /** Articles in the catalog index whose hash exists too, read in one cluster pipeline (grouped per node). */
  private long catalogWithHashes() {
    List<String> ids = stack.redisClient().zrange(Keyspace.latestArticles(), 0, -1);
    List<Response<Boolean>> exists = new ArrayList<>(ids.size());
    try (AbstractPipeline p = stack.redisClient().pipelined()) {
      ids.forEach(id -> exists.add(p.exists(Keyspace.article(id))));
      p.sync();
    }
    return exists.stream().filter(Response::get).count();
  }

  private static Duration catchUp(Options o) {
    return Duration.ofSeconds(90 + o.eventsPerPhase() / 1_000);
  }

  private void sendInvalid(Producer<String, byte[]> producer, int count) {
    List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Unique payloads, so the dead-letter topic can be checked record by record.
      byte[] bad = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"readerId\":\"\"}").getBytes(StandardCharsets.UTF_8);
      sends.add(producer.send(new ProducerRecord<>(Topics.PAGE_VIEWS, "malformed-" + i, bad)));
    }
    producer.flush();
    for (java.util.concurrent.Future<?> f : sends) {
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while producing malformed records", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("Kafka refused a malformed record: " + e.getMessage(), e);
      }
    }
    invalid += count;
  }

  private DeadLetters.Count awaitDeadLetters() {
    DeadLetters.Count[] last = {null};
    Await.until(invalid + " malformed records in " + Topics.PAGE_VIEWS_DLQ, Duration.ofSeconds(60), null, () -> {
      last[0] = DeadLetters.count(stack.kafka().bootstrapServers(), Topics.PAGE_VIEWS_DLQ);
      return last[0].distinct() >= invalid;
    });
    return last[0];
  }

  /**
   * POST /v1/events. Retried only on 503 (Kafka did not take the event, e.g. no topic metadata yet
   * on a busy machine), with the same eventId; a lost answer is not retried, as the event may be in.
   */
  private void post(PageView v) {
    api.postEventRetrying(codec.encode(v), 10, Duration.ofSeconds(1)).requireAccepted();
  }

  /**
   * GET /v1/recommendations for a reader. A degraded answer is asked again a few times: on a busy
   * machine one round trip can miss the api's 100 ms Redis timeout; a cluster that cannot serve
   * stays degraded on every attempt.
   */
  private ApiClient.Recommendations recommend(String reader) {
    // no answer at all counts as degraded: asked again too
    ApiClient.Recommendations answer = new ApiClient.Recommendations(ApiClient.NO_ANSWER, List.of(), null, true, null);
    for (int attempt = 0; attempt < 5 && answer.degraded(); attempt++) {
      ApiClient.Recommendations r = api.recommendations(null, reader, 6);
      if (r.status() != ApiClient.NO_ANSWER) {
        answer = r;
      }
    }
    return answer;
  }

  private String up() {
    long ingest = stack.ingest().stream().filter(p -> p.child().isAlive()).count();
    return stack.kafka().running() + "/" + ingest + "/" + stack.redis().running();
  }
}
