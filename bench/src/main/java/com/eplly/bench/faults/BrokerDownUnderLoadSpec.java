package com.eplly.bench.faults;

import com.eplly.bench.faults.CaseTools.Probe;
import com.eplly.bench.ingest.LakeAudit;
import com.eplly.contracts.event.PageView;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fault 5: the broker shut down while the portal POSTs {@code outageRate} page views a second for
 * {@code outageS} seconds and recommendations are timed. Expects only 503s to the POSTs (p99 at
 * most {@code max503Ms}), no 5xx on recommendations, and every accepted view in the lake.
 */
public record BrokerDownUnderLoadSpec(int outageRate, int outageS, int max503Ms) implements FaultSpec {

  @Override
  public String name() {
    return "kafka-outage";
  }

  @Override
  public String injected() {
    return "broker down, " + outageRate + " POST/s for " + outageS + " s";
  }

  /** Runs with the broker as the previous case left it: this case stops and restarts it itself. */
  @Override
  public boolean needsBroker() {
    return false;
  }

  @Override
  public FaultWorker newWorker(CaseTools tools) {
    return new Worker(this, tools);
  }

  /** Injects the fault, sends the case's traffic through it, heals it and checks what came out. */
  static final class Worker extends CaseWorker {
    /** Recommendation probes per second while the outage is measured. */
    private static final int RECO_PER_SECOND = 25;

    private final BrokerDownUnderLoadSpec spec;

    Worker(BrokerDownUnderLoadSpec spec, CaseTools tools) {
      super(tools);
      this.spec = spec;
    }

    @Override
    public CaseResult run(String name) throws Exception {
      long t0 = System.nanoTime();
      List<String> failures = new ArrayList<>();
      String article = "f5-" + tools.run() + "-a0";
      String reader = "f5-" + tools.run() + "-r0";

      int total = spec.outageRate() * spec.outageS();
      List<PageView> views = CaseViews.generate("f5-" + tools.run(), Math.max(1, (total + spec.outageRate() + 4) / 5), 5, 20, 3,
          FaultStack.PARTITIONS, System.currentTimeMillis()).views();
      // The portal was posting before the outage: 4 s at a quarter of the rate with Kafka up (all must
      // get 202), so the outage meets a warm producer and api, as it would in production.
      List<Probe> warmUp = post(views.subList(0, spec.outageRate()), Math.max(1, spec.outageRate() / 4), failures);
      Set<UUID> accepted = new HashSet<>();
      warmUp.stream().filter(p -> p.status() == 202).forEach(p -> accepted.add(UUID.fromString(p.eventId())));
      if (accepted.size() != warmUp.size()) {
        Map<Integer, Integer> warmStatuses = new TreeMap<>();
        warmUp.forEach(p -> warmStatuses.merge(p.status(), 1, Integer::sum));
        failures.add("before the outage, with Kafka up, POSTs got " + describeStatuses(warmStatuses) + ", not all 202");
      }
      List<Probe> before = recommendFor(article, reader, Duration.ofSeconds(3));
      long stopT = System.nanoTime();
      stack.stopBroker();
      out.printf(Locale.ROOT, "[faults] kafka-outage: broker shut down in %.1f s; POSTing %d/s for %d s%n", tools.secondsSince(stopT),
          spec.outageRate(), spec.outageS());

      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<List<Probe>> during = CompletableFuture.supplyAsync(() -> {
        List<Probe> probes = new ArrayList<>();
        long next = System.nanoTime();
        while (!stop.get()) {
          probes.add(tools.recommend(article, reader));
          next = pace(next);
        }
        return probes;
      });
      long start = System.nanoTime();
      List<Probe> posts = post(views.subList(spec.outageRate(), spec.outageRate() + total), spec.outageRate(), failures);
      double postingSeconds = tools.secondsSince(start);
      stop.set(true);
      List<Probe> recoDuring = during.get(CaseTools.HTTP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);

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
      tools.awaitLake(accepted, CaseTools.CATCH_UP);
      long inLake = accepted.size() - LakeAudit.of(stack.lakeDir(), accepted).missing();
      Percentiles p503 = Percentiles.of(unavailable);
      // Which 503s were slow, and when: the breaker needs a few timed-out sends before it opens.
      Map<Long, Long> slowPerSecond = posts.stream().filter(p -> p.status() == 503 && p.millis() > spec.max503Ms())
          .collect(java.util.stream.Collectors.groupingBy(p -> (long) (p.sentAtMs() / 1000), TreeMap::new,
              java.util.stream.Collectors.counting()));
      if (!slowPerSecond.isEmpty()) {
        out.println("[faults] kafka-outage: 503s over " + spec.max503Ms() + " ms, by second of the outage they were sent in: "
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
      if (p503.count() > 0 && p503.p99() > spec.max503Ms()) {
        failures.add(String.format(Locale.ROOT, "503 p99 %.0f ms above %d ms", p503.p99(), spec.max503Ms()));
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
      return new CaseResult(name, spec.injected(), happened, total + warmUp.size(), inLake, accepted.size() - inLake, -1,
          reco5xx + post5xxOther, tools.secondsSince(t0), failures.isEmpty(), failures);
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
        double sentAtMs = (System.nanoTime() - start) / 1e6;
        pending.add(tools.api().postEventAsync(tools.codec().encode(v)).thenAccept(a ->
            posts.add(new Probe(a.status(), a.millis(), v.eventId(), sentAtMs))));
      }
      try {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(CaseTools.HTTP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        failures.add("some POSTs had no outcome " + (CaseTools.HTTP_TIMEOUT.toSeconds() + 5) + " s after the last was sent");
      }
      return new ArrayList<>(posts);
    }

    private static String describeStatuses(Map<Integer, Integer> statuses) {
      List<String> parts = new ArrayList<>();
      statuses.forEach((s, n) -> parts.add(n + "x" + (s < 0 ? "no-answer-in-" + CaseTools.HTTP_TIMEOUT.toSeconds() + "s" : String.valueOf(s))));
      return String.join(" ", parts);
    }

    private List<Probe> recommendFor(String articleId, String readerId, Duration d) {
      List<Probe> probes = new ArrayList<>();
      long end = System.nanoTime() + d.toNanos();
      long next = System.nanoTime();
      while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
        probes.add(tools.recommend(articleId, readerId));
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
  }
}
