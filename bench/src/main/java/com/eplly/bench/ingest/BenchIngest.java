package com.eplly.bench.ingest;

import com.eplly.deploy.process.StepFailedException;
import com.eplly.deploy.process.WorkFolder;
import com.eplly.deploy.service.RepoLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ingest benchmarks' command line ({@code deploy/bin/bench-ingest}):
 * <pre>
 *   crash      [--events 1000000] [--kill-at 0.45] [--partitions 4]
 *   throughput [--events 1000000] [--partitions 4] [--concurrency 4] [--ingest-arg --key=value]...
 *   memory     [--readers 1000000] [--articles 20000] [--reads-per-reader 3] [--partitions 4]
 *   common:    [--keep] keep Kafka, Redis and lake data under bench/target/bench-ingest/{mode}
 * </pre>
 * Exit status 0 when the run met its checks (crash: exactly once; throughput and memory: finished).
 */
public final class BenchIngest {

  private BenchIngest() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    if (args.length == 0 || args[0].startsWith("-h") || args[0].equals("--help")) {
      out.println("usage: bench-ingest crash|throughput|memory [options]; see BenchIngest's javadoc");
      System.exit(args.length == 0 ? 2 : 0);
    }
    String mode = args[0];
    Map<String, String> opts = new HashMap<>();
    List<String> ingestArgs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--keep")) {
        opts.put("keep", "true");
      } else if (a.equals("--ingest-arg") && i + 1 < args.length) {
        ingestArgs.add(args[++i]);
      } else if (a.startsWith("--") && i + 1 < args.length) {
        opts.put(a.substring(2), args[++i]);
      } else {
        out.println("unknown option " + a);
        System.exit(2);
      }
    }
    RepoLayout repo = new RepoLayout(Path.of(System.getProperty("eplly.repo.root", ".")));
    Path work = repo.root().resolve("bench/target/bench-ingest").resolve(mode);
    boolean ok;
    try {
      WorkFolder.clean(work);
      int partitions = Integer.parseInt(opts.getOrDefault("partitions", "4"));
      String redisMemory = mode.equals("memory") ? "4gb" : "1gb";
      try (BenchStack stack = BenchStack.start(work, repo, partitions, redisMemory, !opts.containsKey("keep"))) {
        out.printf("[bench-ingest] %s: kafka %s, redis %d, work folder %s%n", mode, stack.broker().bootstrapServers(),
            stack.redis().port(), work);
        ok = switch (mode) {
          case "crash" -> new CrashRun(stack, out).run(new CrashRun.Options(
              Integer.parseInt(opts.getOrDefault("events", "1000000")),
              Double.parseDouble(opts.getOrDefault("kill-at", "0.45")), partitions, 1127L)).passed();
          case "throughput" -> {
            new ThroughputRun(stack, out).run(new ThroughputRun.Options(
                Integer.parseInt(opts.getOrDefault("events", "1000000")), partitions,
                Integer.parseInt(opts.getOrDefault("concurrency", String.valueOf(partitions))), ingestArgs));
            yield true;
          }
          case "memory" -> new MemoryRun(stack, out).run(new MemoryRun.Options(
              Integer.parseInt(opts.getOrDefault("readers", "1000000")),
              Integer.parseInt(opts.getOrDefault("articles", "20000")),
              Double.parseDouble(opts.getOrDefault("reads-per-reader", "3")), ingestArgs)).passed();
          default -> throw new IllegalArgumentException("unknown mode " + mode + " (crash, throughput or memory)");
        };
      }
    } catch (StepFailedException e) {
      out.println("[bench-ingest] FAILED: " + e.report());
      ok = false;
    }
    out.printf(Locale.ROOT, "[bench-ingest] %s %s; logs in %s%n", mode, ok ? "passed" : "FAILED", work.resolve("logs"));
    System.exit(ok ? 0 : 1);
  }
}
