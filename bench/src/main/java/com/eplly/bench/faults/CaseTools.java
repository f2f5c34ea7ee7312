package com.eplly.bench.faults;

import com.eplly.bench.ingest.LakeAudit;
import com.eplly.bench.ingest.PageViewLoad;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.deploy.client.ApiClient;
import com.eplly.deploy.demo.DemoProducer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;

/**
 * What every intake fault worker shares: the running stack, ids of this run, traffic to send (page
 * views to Kafka, recommendation probes to the api) and the checks of the lake and the live state.
 */
public final class CaseTools {

  /** Lake catch-up bound of the ingest cases. */
  static final Duration CATCH_UP = Duration.ofSeconds(30);
  static final Duration LIVE_SETTLE = Duration.ofSeconds(10);
  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

  /** An HTTP exchange: status (-1 = no answer), latency, and the eventId of a POST. */
  record Probe(int status, double millis, String eventId, double sentAtMs) {}

  private final FaultStack stack;
  private final PrintStream out;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final ApiClient api;

  public CaseTools(FaultStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
    this.api = new ApiClient(stack.apiBase(), HTTP_TIMEOUT);
  }

  FaultStack stack() {
    return stack;
  }

  PrintStream out() {
    return out;
  }

  /** A short id of this run, in every case's reader, article and session ids. */
  String run() {
    return run;
  }

  EventCodec codec() {
    return codec;
  }

  ApiClient api() {
    return api;
  }

  /** GET /v1/recommendations (limit 6), timed. */
  Probe recommend(String articleId, String readerId) {
    long t = System.nanoTime();
    int status = api.recommendations(articleId, readerId, 6).status();
    return new Probe(status, (System.nanoTime() - t) / 1e6, null, 0);
  }

  void send(CaseViews views) {
    try (Producer<String, byte[]> producer = DemoProducer.create(stack.bootstrapServers())) {
      new PageViewLoad(producer, codec, new PrintStream(OutputStream.nullOutputStream())).send(views.views().iterator(), views.size(), null);
    }
  }

  /** Seconds until every id is in the lake, or -1 when {@code bound} passed first. */
  double awaitLake(Set<UUID> ids, Duration bound) throws InterruptedException {
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
  long lakeDupes() {
    LakeAudit a = LakeAudit.of(stack.lakeDir(), Set.of());
    return a.lines() - a.distinct();
  }

  double batchFailures() {
    return Math.max(0, stack.ingest().counter("eplly_ingest_batch_failures_total"));
  }

  String ingestNote() {
    return stack.ingest().child().isAlive() ? "" : "; ingest process exited";
  }

  static void checkLake(List<String> failures, long dupes) {
    if (dupes > 0) {
      failures.add(dupes + " duplicate lines in the lake");
    }
  }

  static void checkLive(List<String> failures, LiveState live) {
    if (!live.exact()) {
      failures.add(live.describe() + " (excess " + live.trendingExcess() + "/" + live.recentExcess() + ", short "
          + live.trendingShort() + "/" + live.recentShort() + ")");
    }
  }

  static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
