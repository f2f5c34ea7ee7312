package com.eplly.bench.faults;

import com.eplly.deploy.process.StepFailedException;
import com.eplly.deploy.process.WorkFolder;
import com.eplly.deploy.service.RepoLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The intake fault run ({@code deploy/bin/intake-faults}, issue 15): starts the real stack (an
 * in-JVM KRaft broker, a redis-server, the packaged api and ingest, the lake on a tmpfs, ingest's
 * Redis behind a loopback proxy) and injects, one after the other, a huge POST body, a compressed
 * oversized record, a full lake, lost Redis replies and a Kafka outage; prints one table row per
 * case and exits 0 only when every case passed. Every case has its own time bound and the run
 * one overall deadline; the tmpfs is unmounted whatever happens (also from a shutdown hook).
 */
public final class IntakeFaults {

  private IntakeFaults() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.println(FaultOptions.USAGE);
      System.exit(0);
    }
    FaultOptions o;
    try {
      o = FaultOptions.parse(args);
    } catch (IllegalArgumentException e) {
      out.println("[faults] " + e.getMessage());
      out.println(FaultOptions.USAGE);
      System.exit(2);
      return;
    }
    RepoLayout repo = new RepoLayout(Path.of(System.getProperty("eplly.repo.root", ".")));
    Path work = repo.root().resolve("bench/target/intake-faults");
    TmpfsLake.unmountStale(work.resolve("lake"));
    WorkFolder.clean(work);

    List<CaseResult> rows = Collections.synchronizedList(new ArrayList<>());
    FaultStack[] stack = {null};
    Object lock = new Object();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      FaultStack s;
      synchronized (lock) {
        s = stack[0];
      }
      if (s != null) {
        s.close(); // idempotent: a no-op after a normal end
      }
    }, "intake-faults-cleanup"));
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(TimeUnit.SECONDS.toMillis(o.deadlineS()));
      } catch (InterruptedException e) {
        return;
      }
      out.printf(Locale.ROOT, "[faults] FAILED: the run passed its %d s deadline; stopping%n", o.deadlineS());
      synchronized (rows) {
        if (!rows.isEmpty()) {
          out.println();
          CaseResult.printTable(new ArrayList<>(rows), out);
        }
      }
      System.exit(1); // the shutdown hook stops the stack and unmounts the tmpfs
    }, "intake-faults-deadline");
    watchdog.setDaemon(true);
    watchdog.start();

    out.printf(Locale.ROOT, "[faults] cases %s; ingest args %s; api args %s%n", o.cases(), o.ingestArgs(), o.apiArgs());
    boolean ok;
    long t0 = System.nanoTime();
    try {
      FaultStack s = FaultStack.create(work, out);
      synchronized (lock) {
        stack[0] = s; // known to the shutdown hook before anything starts
      }
      s.start(repo, o.lakeMb(), o.ingestArgs(), o.apiArgs());
      try (s) {
        IntakeCases cases = new IntakeCases(s, o, out);
        for (String name : o.cases()) {
          out.printf(Locale.ROOT, "[faults] case %s: %s%n", name, cases.injected(name));
          // A thread per case: one that overran its bound and ignores the interrupt cannot hold up the next.
          ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "intake-fault-" + name);
            t.setDaemon(true);
            return t;
          });
          rows.add(runCase(runner, cases, name, o.caseTimeoutS()));
          runner.shutdownNow();
          CaseResult r = rows.get(rows.size() - 1);
          out.printf(Locale.ROOT, "[faults] case %s: %s in %.0f s%s%n", name, r.passed() ? "PASS" : "FAIL", r.seconds(),
              r.passed() ? "" : " - " + String.join("; ", r.failures()));
        }
      }
      out.println();
      CaseResult.printTable(rows, out);
      long passed = rows.stream().filter(CaseResult::passed).count();
      ok = passed == rows.size();
      out.printf(Locale.ROOT, "[faults] %s: %d of %d cases passed in %.0f s; logs in %s%n", ok ? "PASSED" : "FAILED", passed,
          rows.size(), (System.nanoTime() - t0) / 1e9, work.resolve("logs"));
    } catch (StepFailedException e) {
      out.println("[faults] FAILED to start the stack: " + e.report());
      ok = false;
    } catch (RuntimeException e) {
      out.println("[faults] FAILED: " + e);
      ok = false;
    }
    System.exit(ok ? 0 : 1);
  }

  /** Runs one case within its bound; a case that throws or overruns becomes a failed row. */
  private static CaseResult runCase(ExecutorService runner, IntakeCases cases, String name, int timeoutS) {
    long t0 = System.nanoTime();
    Future<CaseResult> f = runner.submit(() -> cases.run(name));
    try {
      return f.get(timeoutS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return CaseResult.broken(label(name), cases.injected(name), "did not finish within " + timeoutS + " s", secs(t0));
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      return CaseResult.broken(label(name), cases.injected(name), "case aborted: " + c, secs(t0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CaseResult.broken(label(name), cases.injected(name), "interrupted", secs(t0));
    }
  }

  private static String label(String name) {
    return (FaultOptions.ALL_CASES.indexOf(name) + 1) + " " + name;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
