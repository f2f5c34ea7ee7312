package com.eplly.bench.faults;

import com.eplly.bench.ingest.LakeAudit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Fault 3: the lake's tmpfs filled (ENOSPC) while {@code views} views arrive, then freed. Expects
 * every view in the lake once and the live counters in Redis exact.
 */
public record LakeFullSpec(int views) implements FaultSpec {

  @Override
  public String name() {
    return "lake-full";
  }

  @Override
  public String injected() {
    return "lake tmpfs full (ENOSPC), " + views + " views";
  }

  @Override
  public FaultWorker newWorker(CaseTools tools) {
    return new Worker(this, tools);
  }

  /** Injects the fault, sends the case's traffic through it, heals it and checks what came out. */
  static final class Worker extends CaseWorker {

    private final LakeFullSpec spec;

    Worker(LakeFullSpec spec, CaseTools tools) {
      super(tools);
      this.spec = spec;
    }

    @Override
    public CaseResult run(String name) throws Exception {
      long t0 = System.nanoTime();
      if (!stack.lake().mounted()) {
        return CaseResult.broken(name, spec.injected(), "lake not on a tmpfs: " + stack.lake().whyNotMounted(), tools.secondsSince(t0));
      }
      List<String> failures = new ArrayList<>();
      CaseViews views = CaseViews.generate("f3-" + tools.run(), Math.max(1, spec.views() / 5), 5, 20, 1, FaultStack.PARTITIONS,
          System.currentTimeMillis());
      Set<UUID> ids = new HashSet<>(views.eventIds());
      long dupesBefore = tools.lakeDupes();
      double failuresBefore = tools.batchFailures();
      long filled = stack.lake().fill();
      long inLakeWhileFull;
      LiveState liveWhileFull;
      double failedWhileFull;
      try {
        out.printf(Locale.ROOT, "[faults] lake-full: filler of %,d MB written, lake full; sending %d views%n", filled >> 20, views.size());
        tools.send(views);
        Thread.sleep(6_000); // several retries at the run's 2 s maximum back-off
        inLakeWhileFull = views.size() - LakeAudit.of(stack.lakeDir(), ids).missing();
        liveWhileFull = LiveState.read(stack.redis(), views);
        failedWhileFull = tools.batchFailures() - failuresBefore;
      } finally {
        stack.lake().unfill();
      }
      out.printf(Locale.ROOT, "[faults] lake-full: while full: lake %d/%d, %s, %.0f failed batch deliveries; filler deleted%n",
          inLakeWhileFull, views.size(), liveWhileFull.describe(), failedWhileFull);
      long freedAt = System.nanoTime();
      double caughtUp = tools.awaitLake(ids, CaseTools.CATCH_UP);
      double since = caughtUp < 0 ? -1 : tools.secondsSince(freedAt);
      LiveState live = LiveState.settle(stack.redis(), views, caughtUp >= 0 ? CaseTools.LIVE_SETTLE : Duration.ZERO, Duration.ofMillis(500));
      LakeAudit audit = LakeAudit.of(stack.lakeDir(), ids);
      long inLake = views.size() - audit.missing();
      long dupes = tools.lakeDupes() - dupesBefore;
      if (inLakeWhileFull >= views.size()) {
        failures.add("fault not injected: the lake took every view while the filler was there");
      }
      if (caughtUp < 0) {
        failures.add(audit.missing() + " views not in the lake " + CaseTools.CATCH_UP.toSeconds() + " s after the filler went");
      }
      tools.checkLake(failures, dupes);
      tools.checkLive(failures, live);
      String happened = String.format(Locale.ROOT, "while full: lake %d/%d, %s, %.0f failed batches; ", inLakeWhileFull, views.size(),
          liveWhileFull.describe().replace("live ", "live "), failedWhileFull)
          + (since >= 0 ? String.format(Locale.ROOT, "caught up %.1f s after freeing", since) : "not caught up")
          + "; lake dupes " + dupes + "; " + live.describe() + tools.ingestNote();
      return new CaseResult(name, spec.injected(), happened, views.size(), inLake, views.size() - inLake, live.doubleCounted(), 0,
          tools.secondsSince(t0), failures.isEmpty(), failures);
    }
  }
}
