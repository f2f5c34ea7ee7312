package com.eplly.deploy.local;

import java.io.PrintStream;
import java.util.function.Supplier;

/** Numbered progress lines with timings: {@code [3/9] Starting ingest ... ok (4.1 s)}. */
final class Steps {

  private final int total;
  private final PrintStream out;
  private int current;

  Steps(int total, PrintStream out) {
    this.total = total;
    this.out = out;
  }

  <T> T run(String title, Supplier<T> step) {
    current++;
    out.printf("[%d/%d] %s ...%n", current, total, title);
    long start = System.nanoTime();
    T result = step.get();
    out.printf("      ok (%.1f s)%n", (System.nanoTime() - start) / 1e9);
    return result;
  }

  void run(String title, Runnable step) {
    run(title, () -> {
      step.run();
      return null;
    });
  }
}
