package com.eplly.bench.faults;

import com.eplly.bench.faults.CaseTools.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fault 1: a {@code bodyMb} MB {@code POST /v1/events}, streamed once with a Content-Length and
 * once chunked. Expects 413 with a JSON error each time, the api still answering
 * recommendations afterwards, no 5xx.
 */
public record HugeBodySpec(int bodyMb) implements FaultSpec {

  @Override
  public String name() {
    return "huge-body";
  }

  @Override
  public String injected() {
    return bodyMb + " MB POST /v1/events, Content-Length + chunked";
  }

  @Override
  public FaultWorker newWorker(CaseTools tools) {
    return new Worker(this, tools);
  }

  /** Injects the fault, sends the case's traffic through it, heals it and checks what came out. */
  static final class Worker extends CaseWorker {
    private static final Duration HUGE_BODY_BOUND = Duration.ofSeconds(25);

    private final HugeBodySpec spec;

    Worker(HugeBodySpec spec, CaseTools tools) {
      super(tools);
      this.spec = spec;
    }

    @Override
    public CaseResult run(String name) throws InterruptedException {
      long t0 = System.nanoTime();
      long size = (long) spec.bodyMb() << 20;
      List<String> failures = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      long serverErrors = 0;
      for (boolean chunked : new boolean[] {false, true}) {
        String how = chunked ? "chunked" : "length";
        out.printf(Locale.ROOT, "[faults] huge-body: POST of %d MB (%s) ...%n", spec.bodyMb(), how);
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
      return new CaseResult(name, spec.injected(), String.join("; ", seen) + apiHeapNote(), -1, -1, -1, -1,
          serverErrors, tools.secondsSince(t0), failures.isEmpty(), failures);
    }

    private String apiHeapNote() {
      return stack.api().isAlive() ? "" : "; api process exited";
    }

    /** GET /v1/recommendations until it answers 200 or {@code bound} passes; the last answer. */
    private Probe recommendUntilOk(Duration bound) throws InterruptedException {
      String article = "f1-" + tools.run() + "-a0";
      long end = System.nanoTime() + bound.toNanos();
      Probe p = tools.recommend(article, null);
      while (p.status() != 200 && System.nanoTime() < end) {
        Thread.sleep(500);
        p = tools.recommend(article, null);
      }
      return p;
    }
  }
}
