package com.eplly.bench.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Options of {@code deploy/bin/bench-train}.
 *
 * @param sizes         page views per size, in run order
 * @param work          where lakes (kept for re-runs), models and logs go
 * @param heap          {@code -Xmx} of the training JVM
 * @param generatorHeap {@code -Xmx} of the generating JVM
 * @param seed          generator seed
 * @param timeout       longest a generate or train run may take
 * @param keepModels    keep the trained version folders
 * @param jfr           record each training with Java Flight Recorder (logs/train.jfr)
 * @param repoRoot      where the children run from
 * @param help          print usage only
 */
record BenchTrainOptions(List<Integer> sizes, Path work, String heap, String generatorHeap, long seed,
    Duration timeout, boolean keepModels, boolean jfr, Path repoRoot, boolean help) {

  /**
   * 6 GB: a quarter of this 24 GB machine, which other processes share; Spark in local mode runs
   * driver and executor in this one heap.
   */
  static final String DEFAULT_HEAP = "6g";

  static final String USAGE = """
      usage: deploy/bin/bench-train [--sizes 1M,3M,10M] [--work DIR] [--heap 6g] [--seed 42]
                                    [--timeout-min 60] [--keep-models] [--jfr] [--build]
        --sizes        page views per run (k/M suffixes); readers = views/10, articles = views/50
        --work         lakes, models and logs (default var/bench-train in the repository; lakes are reused)
        --heap         -Xmx of the training JVM (default 6g: a quarter of a 24 GB machine)
        --jfr          flight-record each training to <work>/<size>-seed<seed>/logs/train.jfr""";

  static BenchTrainOptions parse(String[] args, Path repoRoot) {
    List<Integer> sizes = Sizes.parse("1M,3M,10M");
    Path work = repoRoot.resolve("var/bench-train");
    String heap = DEFAULT_HEAP;
    long seed = 42;
    Duration timeout = Duration.ofMinutes(60);
    boolean keep = false;
    boolean jfr = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> help = true;
        case "--keep-models" -> keep = true;
        case "--jfr" -> jfr = true;
        case "--sizes" -> sizes = Sizes.parse(value(args, ++i, a));
        case "--work" -> work = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
        case "--heap" -> heap = heap(value(args, ++i, a));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "--timeout-min" -> timeout = Duration.ofMinutes(Long.parseLong(value(args, ++i, a)));
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return new BenchTrainOptions(sizes, work, heap, "2g", seed, timeout, keep, jfr, repoRoot, help);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  private static String heap(String value) {
    if (!value.matches("\\d+[mMgG]")) {
      throw new IllegalArgumentException("--heap must look like 6g or 4096m, got '" + value + "'");
    }
    return value;
  }
}
