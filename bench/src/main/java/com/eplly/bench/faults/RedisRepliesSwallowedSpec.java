package com.eplly.bench.faults;

import com.eplly.bench.ingest.LakeAudit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Fault 4: Redis replies to ingest swallowed for {@code redisWindowS} seconds while views arrive
 * (the run's proxy drops them). Expects nothing lost and nothing counted twice.
 */
public record RedisRepliesSwallowedSpec(int redisWindowS, int views) implements FaultSpec {

  @Override
  public String name() {
    return "redis-timeout";
  }

  @Override
  public String injected() {
    return "Redis replies swallowed " + redisWindowS + " s, views sent";
  }

  @Override
  public FaultWorker newWorker(CaseTools tools) {
    return new Worker(this, tools);
  }

  /** Injects the fault, sends the case's traffic through it, heals it and checks what came out. */
  static final class Worker extends CaseWorker {

    private final RedisRepliesSwallowedSpec spec;

    Worker(RedisRepliesSwallowedSpec spec, CaseTools tools) {
      super(tools);
      this.spec = spec;
    }

    @Override
    public CaseResult run(String name) throws Exception {
      long t0 = System.nanoTime();
      List<String> failures = new ArrayList<>();
      int readers = Math.max(1, spec.views() / 5);
      // One warm-up view per reader first: ingest then knows the sessions' heads, so the views sent in
      // the window go straight to the live-state write (not to a read of the session heads, which
      // would time out before anything is written).
      CaseViews views = CaseViews.generate("f4-" + tools.run(), readers, 6, 20, 2, FaultStack.PARTITIONS, System.currentTimeMillis());
      CaseViews warm = views.first(readers);
      CaseViews window = views.after(readers);
      long dupesBefore = tools.lakeDupes();
      tools.send(warm);
      double warmLake = tools.awaitLake(new HashSet<>(warm.eventIds()), Duration.ofSeconds(20));
      LiveState warmLive = LiveState.settle(stack.redis(), warm, Duration.ofSeconds(10), Duration.ZERO);
      if (warmLake < 0 || !warmLive.exact()) {
        failures.add("warm-up views not ingested cleanly before the window (lake " + (warmLake >= 0 ? "ok" : "incomplete") + ", "
            + warmLive.describe() + ")");
      }
      long swallowedBefore = stack.proxy().swallowedBytes();
      double failuresBefore = tools.batchFailures();
      long windowStart = System.nanoTime();
      stack.proxy().swallowReplies(true);
      try {
        out.printf(Locale.ROOT, "[faults] redis-timeout: Redis replies to ingest swallowed for %d s; sending %d views%n",
            spec.redisWindowS(), window.size());
        tools.send(window);
        long left = TimeUnit.SECONDS.toNanos(spec.redisWindowS()) - (System.nanoTime() - windowStart);
        if (left > 0) {
          TimeUnit.NANOSECONDS.sleep(left);
        }
      } finally {
        stack.proxy().swallowReplies(false);
      }
      long swallowed = stack.proxy().swallowedBytes() - swallowedBefore;
      double failed = tools.batchFailures() - failuresBefore;
      long windowEnd = System.nanoTime();
      Set<UUID> ids = new HashSet<>(views.eventIds());
      double caughtUp = tools.awaitLake(ids, CaseTools.CATCH_UP);
      double since = caughtUp < 0 ? -1 : tools.secondsSince(windowEnd);
      LiveState live = LiveState.settle(stack.redis(), views, caughtUp >= 0 ? CaseTools.LIVE_SETTLE : Duration.ZERO, Duration.ofMillis(500));
      LakeAudit audit = LakeAudit.of(stack.lakeDir(), ids);
      long inLake = views.size() - audit.missing();
      long dupes = tools.lakeDupes() - dupesBefore;
      if (swallowed == 0) {
        failures.add("fault not injected: ingest read no Redis reply during the window");
      }
      if (caughtUp < 0) {
        failures.add(audit.missing() + " views not in the lake " + CaseTools.CATCH_UP.toSeconds() + " s after the window");
      }
      tools.checkLake(failures, dupes);
      tools.checkLive(failures, live);
      String happened = String.format(Locale.ROOT, "%,d reply bytes swallowed, %.0f failed batches; ", swallowed, failed)
          + (since >= 0 ? String.format(Locale.ROOT, "caught up %.1f s after the window", since) : "not caught up")
          + "; lake dupes " + dupes + "; " + live.describe() + tools.ingestNote();
      return new CaseResult(name, spec.injected(), happened, views.size(), inLake, views.size() - inLake, live.doubleCounted(),
          0, tools.secondsSince(t0), failures.isEmpty(), failures);
    }
  }
}
