package com.eplly.bench.faults;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.bench.ingest.LakeAudit;
import com.eplly.bench.ingest.PageViewLoad;
import com.eplly.deploy.demo.DemoProducer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The five intake faults, each on ids of its own (and, for those that reach ingest, a
 * {@code page-views} partition of its own), each returning one row of the table. Every wait is
 * bounded; a case reports what it saw rather than throwing.
 */
public final class IntakeCases {

  /** Lake catch-up bound of the ingest cases. */
  static final Duration CATCH_UP = Duration.ofSeconds(30);
  private static final Duration LIVE_SETTLE = Duration.ofSeconds(10);
  private static final Duration HUGE_BODY_BOUND = Duration.ofSeconds(25);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
  /** Recommendation probes per second while the outage case measures latency. */
  private static final int RECO_PER_SECOND = 25;

  private final FaultStack stack;
  private final FaultOptions options;
  private final PrintStream out;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  public IntakeCases(FaultStack stack, FaultOptions options, PrintStream out) {
    this.stack = stack;
    this.options = options;
    this.out = out;
  }

  /** Runs one case by name. */
  public CaseResult run(String name) throws Exception {
    if (!name.equals("kafka-outage") && !stack.brokerRunning()) {
      out.println("[faults] starting the broker again (the outage case ran before this one)");
      stack.restartBroker();
    }
    return switch (name) {
      case "huge-body" -> hugeBody();
      case "oversized-record" -> oversizedRecord();
      case "lake-full" -> lakeFull();
      case "redis-timeout" -> redisTimeout();
      case "kafka-outage" -> kafkaOutage();
      default -> throw new IllegalArgumentException("no case " + name);
    };
  }

  /** What the table says a case injected. */
  public String injected(String name) {
    return switch (name) {
      case "huge-body" -> options.bodyMb() + " MB POST /v1/events, Content-Length + chunked";
      case "oversized-record" -> "gzip " + options.recordMb() + " MB page view, then " + options.views() + " valid, same key";
      case "lake-full" -> "lake tmpfs full (ENOSPC), " + options.views() + " views";
      case "redis-timeout" -> "Redis replies swallowed " + options.redisWindowS() + " s, views sent";
      case "kafka-outage" -> "broker down, " + options.outageRate() + " POST/s for " + options.outageS() + " s";
      default -> name;
    };
  }

  // ---- 1: a huge body --------------------------------------------------------------------------

  private CaseResult hugeBody() throws InterruptedException {
    long t0 = System.nanoTime();
    long size = (long) options.bodyMb() << 20;
    List<String> failures = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    long serverErrors = 0;
    for (boolean chunked : new boolean[] {false, true}) {
      String how = chunked ? "chunked" : "length";
      out.printf(Locale.ROOT, "[faults] huge-body: POST of %d MB (%s) ...%n", options.bodyMb(), how);
      HugeBody.Outcome o = HugeBody.post(stack.apiPort(), "/v1/events", size, chunked, HUGE_BODY_BOUND);
      if (o.status() >= 500) {
        serverErrors++;
      }
      if (o.status() != 413) {
        failures.add(how + ": expected 413, got " + (o.status() < 0 ? "no answer" : o.status()));
      } else if (!o.jsonAnswer()) {
        failures.add(how + ": the 413 is not JSON");
      }
      Probe after = recommendUntilOk(Duration.ofSeconds(10));
      if (after.status() >= 500) {
        serverErrors++;
      }
      if (after.status() != 200) {
        failures.add("after the " + how + " POST the api answered recommendations with "
            + (after.status() < 0 ? "nothing" : after.status()) + (stack.api().isAlive() ? "" : " (api process died)"));
      }
      seen.add(how + ": " + o.describe() + ", then reco " + (after.status() < 0 ? "none" : after.status()));
      out.printf(Locale.ROOT, "[faults] huge-body: %s%n", seen.get(seen.size() - 1));
    }
    return new CaseResult("1 huge-body", injected("huge-body"), String.join("; ", seen) + apiHeapNote(), -1, -1, -1, -1,
        serverErrors, secondsSince(t0), failures.isEmpty(), failures);
  }

  private String apiHeapNote() {
    return stack.api().isAlive() ? "" : "; api process exited";
  }

  // ---- 2: a compressed oversized record --------------------------------------------------------

  private CaseResult oversizedRecord() throws Exception {
    long t0 = System.nanoTime();
    String name = "2 oversized-record";
    CaseViews views = CaseViews.generate("f2-" + run, 1, options.views(), 10, 0, FaultStack.PARTITIONS, System.currentTimeMillis());
    String reader = views.views().get(0).readerId();
    String hugeEventId = UUID.randomUUID().toString();
    byte[] huge = oversizedView(hugeEventId, reader, (long) options.recordMb() << 20);
    List<String> failures = new ArrayList<>();
    RecordMetadata meta;
    try (Producer<String, byte[]> gzip = gzipProducer()) {
      meta = gzip.send(new ProducerRecord<>(Topics.PAGE_VIEWS, reader, huge)).get(30, TimeUnit.SECONDS);
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      for (PageView v : views.views()) {
        sends.add(gzip.send(new ProducerRecord<>(Topics.PAGE_VIEWS, v.readerId(), codec.encode(v))));
      }
      gzip.flush();
      for (Future<RecordMetadata> f : sends) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
    out.printf(Locale.ROOT, "[faults] oversized-record: %,d-byte view (gzip ~%,d bytes) at %s-%d@%d, then %d valid views with key %s%n",
        huge.length, gzipSize(huge), Topics.PAGE_VIEWS, meta.partition(), meta.offset(), views.size(), reader);

    long dupesBefore = lakeDupes();
    Set<UUID> ids = new HashSet<>(views.eventIds());
    long sentAt = System.nanoTime();
    double caughtUp = -1;
    DeadLetterProbe.Found dlq = null;
    LakeAudit audit;
    try (DeadLetterProbe probe = new DeadLetterProbe(stack.bootstrapServers(), Topics.PAGE_VIEWS_DLQ, reader, hugeEventId)) {
      long deadline = sentAt + CATCH_UP.toNanos();
      while (true) {
        dlq = probe.poll(Duration.ofMillis(250));
        audit = LakeAudit.of(stack.lakeDir(), ids);
        if (caughtUp < 0 && audit.missing() == 0) {
          caughtUp = secondsSince(sentAt);
        }
        if ((caughtUp >= 0 && dlq != null) || System.nanoTime() > deadline) {
          break;
        }
      }
    }
    LiveState live = LiveState.settle(stack.redis(), views, caughtUp >= 0 ? LIVE_SETTLE : Duration.ZERO, Duration.ofMillis(500));
    long dupes = lakeDupes() - dupesBefore;
    long inLake = views.size() - audit.missing();
    if (caughtUp < 0) {
      failures.add(audit.missing() + " of " + views.size() + " valid views not in the lake within " + CATCH_UP.toSeconds() + " s");
    }
    if (dlq == null) {
      failures.add("the oversized record is not in " + Topics.PAGE_VIEWS_DLQ + " within " + CATCH_UP.toSeconds() + " s");
    }
    checkLake(failures, dupes);
    checkLive(failures, live);
    String happened = (caughtUp >= 0 ? String.format(Locale.ROOT, "valid views in lake after %.1f s", caughtUp)
        : String.format(Locale.ROOT, "lake %d/%d after %d s (partition stalled)", inLake, views.size(), CATCH_UP.toSeconds()))
        + "; DLQ: " + (dlq == null ? "nothing" : String.format(Locale.ROOT, "%,d bytes, headers %s", dlq.valueBytes(), dlq.headers()))
        + "; " + live.describe() + ingestNote();
    return new CaseResult(name, injected("oversized-record"), happened, views.size(), inLake, views.size() - inLake,
        live.doubleCounted(), 0, secondsSince(t0), failures.isEmpty(), failures);
  }

  /** A page view whose articleId is {@code size} bytes of a repeating pattern (compresses well, like real padding). */
  private static byte[] oversizedView(String eventId, String reader, long size) {
    String head = "{\"eventId\":\"" + eventId + "\",\"readerId\":\"" + reader + "\",\"articleId\":\"";
    String tail = "\",\"sessionId\":\"" + reader.replace("-r", "-s") + "\",\"timestamp\":" + System.currentTimeMillis() + "}";
    byte[] bytes = new byte[(int) size];
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(h, 0, bytes, 0, h.length);
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = h.length; i < bytes.length - t.length; i++) {
      bytes[i] = (byte) alphabet.charAt(i % alphabet.length());
    }
    System.arraycopy(t, 0, bytes, bytes.length - t.length, t.length);
    return bytes;
  }

  private static int gzipSize(byte[] bytes) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(buf)) {
      gz.write(bytes);
    } catch (IOException e) {
      return -1;
    }
    return buf.size();
  }

  private Producer<String, byte[]> gzipProducer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, FaultStack.PAGE_VIEWS_MAX_MESSAGE_BYTES,
        ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
        ProducerConfig.CLIENT_ID_CONFIG, "eplly-faults-gzip"),
        new StringSerializer(), new ByteArraySerializer());
  }

  // ---- 3: the lake full after the live-state update --------------------------------------------

  private CaseResult lakeFull() throws Exception {
    long t0 = System.nanoTime();
    String name = "3 lake-full";
    if (!stack.lake().mounted()) {
      return CaseResult.broken(name, injected("lake-full"), "lake not on a tmpfs: " + stack.lake().whyNotMounted(), secondsSince(t0));
    }
    List<String> failures = new ArrayList<>();
    CaseViews views = CaseViews.generate("f3-" + run, Math.max(1, options.views() / 5), 5, 20, 1, FaultStack.PARTITIONS,
        System.currentTimeMillis());
    Set<UUID> ids = new HashSet<>(views.eventIds());
    long dupesBefore = lakeDupes();
    double failuresBefore = batchFailures();
    long filled = stack.lake().fill();
    long inLakeWhileFull;
    LiveState liveWhileFull;
    double failedWhileFull;
    try {
      out.printf(Locale.ROOT, "[faults] lake-full: filler of %,d MB written, lake full; sending %d views%n", filled >> 20, views.size());
      send(views);
      Thread.sleep(6_000); // several retries at the run's 2 s maximum back-off
      inLakeWhileFull = views.size() - LakeAudit.of(stack.lakeDir(), ids).missing();
      liveWhileFull = LiveState.read(stack.redis(), views);
      failedWhileFull = batchFailures() - failuresBefore;
    } finally {
      stack.lake().unfill();
    }
    out.printf(Locale.ROOT, "[faults] lake-full: while full: lake %d/%d, %s, %.0f failed batch deliveries; filler deleted%n",
        inLakeWhileFull, views.size(), liveWhileFull.describe(), failedWhileFull);
    long freedAt = System.nanoTime();
    double caughtUp = awaitLake(ids, CATCH_UP);
    double since = caughtUp < 0 ? -1 : secondsSince(freedAt);
    LiveState live = LiveState.settle(stack.redis(), views, caughtUp >= 0 ? LIVE_SETTLE : Duration.ZERO, Duration.ofMillis(500));
    LakeAudit audit = LakeAudit.of(stack.lakeDir(), ids);
    long inLake = views.size() - audit.missing();
    long dupes = lakeDupes() - dupesBefore;
    if (inLakeWhileFull >= views.size()) {
      failures.add("fault not injected: the lake took every view while the filler was there");
    }
    if (caughtUp < 0) {
      failures.add(audit.missing() + " views not in the lake " + CATCH_UP.toSeconds() + " s after the filler went");
    }
    checkLake(failures, dupes);
    checkLive(failures, live);
    String happened = String.format(Locale.ROOT, "while full: lake %d/%d, %s, %.0f failed batches; ", inLakeWhileFull, views.size(),
        liveWhileFull.describe().replace("live ", "live "), failedWhileFull)
        + (since >= 0 ? String.format(Locale.ROOT, "caught up %.1f s after freeing", since) : "not caught up")
        + "; lake dupes " + dupes + "; " + live.describe() + ingestNote();
    return new CaseResult(name, injected("lake-full"), happened, views.size(), inLake, views.size() - inLake, live.doubleCounted(), 0,
        secondsSince(t0), failures.isEmpty(), failures);
  }

  // ---- 4: Redis replies lost -------------------------------------------------------------------

  private CaseResult redisTimeout() throws Exception {
    long t0 = System.nanoTime();
    String name = "4 redis-timeout";
    List<String> failures = new ArrayList<>();
    int readers = Math.max(1, options.views() / 5);
    // One warm-up view per reader first: ingest then knows the sessions' heads, so the views sent in
    // the window go straight to the live-state write (not to a read of the session heads, which
    // would time out before anything is written).
    CaseViews views = CaseViews.generate("f4-" + run, readers, 6, 20, 2, FaultStack.PARTITIONS, System.currentTimeMillis());
    CaseViews warm = views.first(readers);
    CaseViews window = views.after(readers);
    long dupesBefore = lakeDupes();
    send(warm);
    double warmLake = awaitLake(new HashSet<>(warm.eventIds()), Duration.ofSeconds(20));
    LiveState warmLive = LiveState.settle(stack.redis(), warm, Duration.ofSeconds(10), Duration.ZERO);
    if (warmLake < 0 || !warmLive.exact()) {
      failures.add("warm-up views not ingested cleanly before the window (lake " + (warmLake >= 0 ? "ok" : "incomplete") + ", "
          + warmLive.describe() + ")");
    }
    long swallowedBefore = stack.proxy().swallowedBytes();
    double failuresBefore = batchFailures();
    long windowStart = System.nanoTime();
    stack.proxy().swallowReplies(true);
    try {
      out.printf(Locale.ROOT, "[faults] redis-timeout: Redis replies to ingest swallowed for %d s; sending %d views%n",
          options.redisWindowS(), window.size());
      send(window);
      long left = TimeUnit.SECONDS.toNanos(options.redisWindowS()) - (System.nanoTime() - windowStart);
      if (left > 0) {
        TimeUnit.NANOSECONDS.sleep(left);
      }
    } finally {
      stack.proxy().swallowReplies(false);
    }
    long swallowed = stack.proxy().swallowedBytes() - swallowedBefore;
    double failed = batchFailures() - failuresBefore;
    long windowEnd = System.nanoTime();
    Set<UUID> ids = new HashSet<>(views.eventIds());
    double caughtUp = awaitLake(ids, CATCH_UP);
    double since = caughtUp < 0 ? -1 : secondsSince(windowEnd);
    LiveState live = LiveState.settle(stack.redis(), views, caughtUp >= 0 ? LIVE_SETTLE : Duration.ZERO, Duration.ofMillis(500));
    LakeAudit audit = LakeAudit.of(stack.lakeDir(), ids);
    long inLake = views.size() - audit.missing();
    long dupes = lakeDupes() - dupesBefore;
    if (swallowed == 0) {
      failures.add("fault not injected: ingest read no Redis reply during the window");
    }
    if (caughtUp < 0) {
      failures.add(audit.missing() + " views not in the lake " + CATCH_UP.toSeconds() + " s after the window");
    }
    checkLake(failures, dupes);
    checkLive(failures, live);
    String happened = String.format(Locale.ROOT, "%,d reply bytes swallowed, %.0f failed batches; ", swallowed, failed)
        + (since >= 0 ? String.format(Locale.ROOT, "caught up %.1f s after the window", since) : "not caught up")
        + "; lake dupes " + dupes + "; " + live.describe() + ingestNote();
    return new CaseResult(name, injected("redis-timeout"), happened, views.size(), inLake, views.size() - inLake, live.doubleCounted(),
        0, secondsSince(t0), failures.isEmpty(), failures);
  }

  // ---- 5: Kafka down while the portal POSTs -----------------------------------------------------

  private CaseResult kafkaOutage() throws Exception {
    long t0 = System.nanoTime();
    String name = "5 kafka-outage";
    List<String> failures = new ArrayList<>();
    URI reco = stack.apiBase().resolve("v1/recommendations?articleId=f5-" + run + "-a0&readerId=f5-" + run + "-r0&limit=6");

    int total = options.outageRate() * options.outageS();
    List<PageView> views = CaseViews.generate("f5-" + run, Math.max(1, (total + options.outageRate() + 4) / 5), 5, 20, 3,
        FaultStack.PARTITIONS, System.currentTimeMillis()).views();
    // The portal was posting before the outage: 4 s at a quarter of the rate with Kafka up (all must
    // get 202), so the outage meets a warm producer and api, as it would in production.
    List<Probe> warmUp = post(views.subList(0, options.outageRate()), Math.max(1, options.outageRate() / 4), failures);
    Set<UUID> accepted = new HashSet<>();
    warmUp.stream().filter(p -> p.status() == 202).forEach(p -> accepted.add(UUID.fromString(p.eventId())));
    if (accepted.size() != warmUp.size()) {
      Map<Integer, Integer> warmStatuses = new TreeMap<>();
      warmUp.forEach(p -> warmStatuses.merge(p.status(), 1, Integer::sum));
      failures.add("before the outage, with Kafka up, POSTs got " + describeStatuses(warmStatuses) + ", not all 202");
    }
    List<Probe> before = recommendFor(reco, Duration.ofSeconds(3));
    long stopT = System.nanoTime();
    stack.stopBroker();
    out.printf(Locale.ROOT, "[faults] kafka-outage: broker shut down in %.1f s; POSTing %d/s for %d s%n", secondsSince(stopT),
        options.outageRate(), options.outageS());

    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<List<Probe>> during = CompletableFuture.supplyAsync(() -> {
      List<Probe> probes = new ArrayList<>();
      long next = System.nanoTime();
      while (!stop.get()) {
        probes.add(get(reco));
        next = pace(next);
      }
      return probes;
    });
    long start = System.nanoTime();
    List<Probe> posts = post(views.subList(options.outageRate(), options.outageRate() + total), options.outageRate(), failures);
    double postingSeconds = secondsSince(start);
    stop.set(true);
    List<Probe> recoDuring = during.get(HTTP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);

    Map<Integer, Integer> statuses = new TreeMap<>();
    List<Double> unavailable = new ArrayList<>();
    for (Probe p : posts) {
      statuses.merge(p.status(), 1, Integer::sum);
      if (p.status() == 503) {
        unavailable.add(p.millis());
      } else if (p.status() == 202) {
        accepted.add(UUID.fromString(p.eventId()));
      }
    }
    // Everything accepted (before the outage, or during it should any POST get 202) must reach the lake.
    stack.restartBroker();
    awaitLake(accepted, CATCH_UP);
    long inLake = accepted.size() - LakeAudit.of(stack.lakeDir(), accepted).missing();
    Percentiles p503 = Percentiles.of(unavailable);
    // Which 503s were slow, and when: the breaker needs a few timed-out sends before it opens.
    Map<Long, Long> slowPerSecond = posts.stream().filter(p -> p.status() == 503 && p.millis() > options.max503Ms())
        .collect(java.util.stream.Collectors.groupingBy(p -> (long) (p.sentAtMs() / 1000), TreeMap::new,
            java.util.stream.Collectors.counting()));
    if (!slowPerSecond.isEmpty()) {
      out.println("[faults] kafka-outage: 503s over " + options.max503Ms() + " ms, by second of the outage they were sent in: "
          + slowPerSecond);
    }
    Percentiles recoBefore = Percentiles.of(before.stream().filter(p -> p.status() > 0).map(Probe::millis).toList());
    Percentiles recoOutage = Percentiles.of(recoDuring.stream().filter(p -> p.status() > 0).map(Probe::millis).toList());
    long reco5xx = recoDuring.stream().filter(p -> p.status() >= 500).count() + before.stream().filter(p -> p.status() >= 500).count();
    long recoNone = recoDuring.stream().filter(p -> p.status() < 0).count();
    Map<Integer, Integer> recoStatuses = new TreeMap<>();
    before.forEach(p -> recoStatuses.merge(p.status(), 1, Integer::sum));
    recoDuring.forEach(p -> recoStatuses.merge(p.status(), 1, Integer::sum));
    long post5xxOther = posts.stream().filter(p -> p.status() >= 500 && p.status() != 503).count();

    if (unavailable.size() != total) {
      failures.add("expected " + total + " x 503, got " + describeStatuses(statuses));
    }
    if (p503.count() > 0 && p503.p99() > options.max503Ms()) {
      failures.add(String.format(Locale.ROOT, "503 p99 %.0f ms above %d ms", p503.p99(), options.max503Ms()));
    }
    if (before.stream().noneMatch(p -> p.status() == 200)) {
      failures.add("recommendations did not answer 200 before the outage");
    }
    if (reco5xx > 0 || recoNone > 0) {
      failures.add("recommendations during the outage: " + reco5xx + " x 5xx, " + recoNone + " without answer");
    }
    if (accepted.size() > inLake) {
      failures.add((accepted.size() - inLake) + " POSTs answered 202 never reached the lake");
    }
    String happened = String.format(Locale.ROOT, "%d x 202 before; POST %s in %.1f s, 503 %s; reco before %s, during %s (%s)",
        warmUp.size(), describeStatuses(statuses), postingSeconds, p503.describe(), recoBefore.describe(), recoOutage.describe(),
        describeStatuses(recoStatuses)) + (stack.brokerRunning() ? "; broker restarted" : "");
    out.printf(Locale.ROOT, "[faults] kafka-outage: %s%n", happened);
    return new CaseResult(name, injected("kafka-outage"), happened, total + warmUp.size(), inLake, accepted.size() - inLake, -1,
        reco5xx + post5xxOther, secondsSince(t0), failures.isEmpty(), failures);
  }

  /** POSTs {@code views} at {@code rate} per second, each asynchronously; their outcomes, with send times from the first. */
  private List<Probe> post(List<PageView> views, int rate, List<String> failures) throws InterruptedException, ExecutionException {
    ConcurrentLinkedQueue<Probe> posts = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<?>> pending = new ArrayList<>(views.size());
    long start = System.nanoTime();
    for (int i = 0; i < views.size(); i++) {
      long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      PageView v = views.get(i);
      HttpRequest request = HttpRequest.newBuilder(stack.apiBase().resolve("v1/events")).timeout(HTTP_TIMEOUT)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(codec.encode(v))).build();
      long sentAt = System.nanoTime();
      pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
        posts.add(new Probe(r == null ? -1 : r.statusCode(), (System.nanoTime() - sentAt) / 1e6, v.eventId(),
            (sentAt - start) / 1e6));
        return null;
      }));
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(HTTP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      failures.add("some POSTs had no outcome " + (HTTP_TIMEOUT.toSeconds() + 5) + " s after the last was sent");
    }
    return new ArrayList<>(posts);
  }

  private static String describeStatuses(Map<Integer, Integer> statuses) {
    List<String> parts = new ArrayList<>();
    statuses.forEach((s, n) -> parts.add(n + "x" + (s < 0 ? "no-answer-in-" + HTTP_TIMEOUT.toSeconds() + "s" : String.valueOf(s))));
    return String.join(" ", parts);
  }

  // ---- shared ---------------------------------------------------------------------------------

  /** An HTTP exchange: status (-1 = no answer), latency, and the eventId of a POST. */
  record Probe(int status, double millis, String eventId, double sentAtMs) {}

  private Probe get(URI uri) {
    long t = System.nanoTime();
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
      return new Probe(r.statusCode(), (System.nanoTime() - t) / 1e6, null, 0);
    } catch (IOException e) {
      return new Probe(-1, (System.nanoTime() - t) / 1e6, null, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(-1, (System.nanoTime() - t) / 1e6, null, 0);
    }
  }

  private List<Probe> recommendFor(URI uri, Duration d) {
    List<Probe> probes = new ArrayList<>();
    long end = System.nanoTime() + d.toNanos();
    long next = System.nanoTime();
    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
      probes.add(get(uri));
      next = pace(next);
    }
    return probes;
  }

  /**
   * Waits for the next recommendation probe slot ({@link #RECO_PER_SECOND} a second, like a
   * portal's steady traffic rather than a flood that would trip a per-client limit); a slow answer
   * is not made up for with a burst. Returns the slot after.
   */
  private static long pace(long slot) {
    long next = slot + 1_000_000_000L / RECO_PER_SECOND;
    long now = System.nanoTime();
    if (next > now) {
      try {
        TimeUnit.NANOSECONDS.sleep(next - now);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return next;
    }
    return now;
  }

  /** GET /v1/recommendations until it answers 200 or {@code bound} passes; the last answer. */
  private Probe recommendUntilOk(Duration bound) throws InterruptedException {
    URI uri = stack.apiBase().resolve("v1/recommendations?articleId=f1-" + run + "-a0&limit=6");
    long end = System.nanoTime() + bound.toNanos();
    Probe p = get(uri);
    while (p.status() != 200 && System.nanoTime() < end) {
      Thread.sleep(500);
      p = get(uri);
    }
    return p;
  }

  private void send(CaseViews views) {
    try (Producer<String, byte[]> producer = DemoProducer.create(stack.bootstrapServers())) {
      new PageViewLoad(producer, codec, new PrintStream(OutputStream.nullOutputStream())).send(views.views().iterator(), views.size(), null);
    }
  }

  /** Seconds until every id is in the lake, or -1 when {@code bound} passed first. */
  private double awaitLake(Set<UUID> ids, Duration bound) throws InterruptedException {
    long t = System.nanoTime();
    long end = t + bound.toNanos();
    while (LakeAudit.of(stack.lakeDir(), ids).missing() > 0) {
      if (System.nanoTime() > end) {
        return -1;
      }
      Thread.sleep(250);
    }
    return secondsSince(t);
  }

  /** Lines minus distinct eventIds over the whole lake: a case's duplicates are the growth during the case. */
  private long lakeDupes() {
    LakeAudit a = LakeAudit.of(stack.lakeDir(), Set.of());
    return a.lines() - a.distinct();
  }

  private double batchFailures() {
    return Math.max(0, stack.ingest().counter("eplly_ingest_batch_failures_total"));
  }

  private String ingestNote() {
    return stack.ingest().child().isAlive() ? "" : "; ingest process exited";
  }

  private static void checkLake(List<String> failures, long dupes) {
    if (dupes > 0) {
      failures.add(dupes + " duplicate lines in the lake");
    }
  }

  private static void checkLive(List<String> failures, LiveState live) {
    if (!live.exact()) {
      failures.add(live.describe() + " (excess " + live.trendingExcess() + "/" + live.recentExcess() + ", short "
          + live.trendingShort() + "/" + live.recentShort() + ")");
    }
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
