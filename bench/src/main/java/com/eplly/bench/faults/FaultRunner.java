package com.eplly.bench.faults;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a list of fault specs one after the other, each by its own worker on a thread of its own
 * within the case time bound, adding one table row per spec (a case that throws or overruns
 * becomes a failed row).
 */
public final class FaultRunner {

  private final FaultStack stack;
  private final CaseTools tools;
  private final PrintStream out;
  private final int caseTimeoutS;

  public FaultRunner(FaultStack stack, CaseTools tools, PrintStream out, int caseTimeoutS) {
    this.stack = stack;
    this.tools = tools;
    this.out = out;
    this.caseTimeoutS = caseTimeoutS;
  }

  /** Runs {@code specs} in order, adding each row to {@code rows} as soon as it is known (the deadline watchdog prints them). */
  public void run(List<FaultSpec> specs, List<CaseResult> rows) {
    for (FaultSpec spec : specs) {
      out.printf(Locale.ROOT, "[faults] case %s: %s%n", spec.name(), spec.injected());
      // A thread per case: one that overran its bound and ignores the interrupt cannot hold up the next.
      ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "intake-fault-" + spec.name());
        t.setDaemon(true);
        return t;
      });
      CaseResult r = runCase(runner, spec);
      rows.add(r);
      runner.shutdownNow();
      out.printf(Locale.ROOT, "[faults] case %s: %s in %.0f s%s%n", spec.name(), r.passed() ? "PASS" : "FAIL", r.seconds(),
          r.passed() ? "" : " - " + String.join("; ", r.failures()));
    }
  }

  private CaseResult runCase(ExecutorService runner, FaultSpec spec) {
    long t0 = System.nanoTime();
    String label = (FaultOptions.ALL_CASES.indexOf(spec.name()) + 1) + " " + spec.name();
    Future<CaseResult> f = runner.submit(() -> {
      if (spec.needsBroker() && !stack.brokerRunning()) {
        out.println("[faults] starting the broker again (the outage case ran before this one)");
        stack.restartBroker();
      }
      return spec.newWorker(tools).run(label);
    });
    try {
      return f.get(caseTimeoutS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return CaseResult.broken(label, spec.injected(), "did not finish within " + caseTimeoutS + " s", secs(t0));
    } catch (ExecutionException e) {
      return CaseResult.broken(label, spec.injected(), "case aborted: " + e.getCause(), secs(t0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CaseResult.broken(label, spec.injected(), "interrupted", secs(t0));
    }
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
