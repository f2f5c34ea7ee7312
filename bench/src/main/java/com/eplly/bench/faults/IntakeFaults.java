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
import java.util.concurrent.TimeUnit;

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
        new FaultRunner(s, new CaseTools(s, out), out, o.caseTimeoutS()).run(o.specs(), rows);
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
}
