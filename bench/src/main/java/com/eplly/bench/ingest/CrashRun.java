package com.eplly.bench.ingest;

import com.eplly.deploy.process.ServiceProcess;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.deploy.lake.LakeProgress;
import com.eplly.deploy.process.Await;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;

/**
 * Crash safety: ingest consumes generated page views while they are produced, is killed with
 * SIGKILL once the lake holds a given share of them, is restarted with the same consumer group,
 * and when it has caught up the lake must hold every event exactly once.
 */
public final class CrashRun {

  /**
   * @param events     page views to generate (the generator may yield a few fewer)
   * @param killAt     share of the events in the lake at which ingest is killed
   * @param partitions partitions of page-views
   * @param seed       generator seed
   */
  public record Options(int events, double killAt, int partitions, long seed) {}

  /**
   * What happened.
   *
   * @param produced        events produced (all valid)
   * @param inLakeAtKill    lake records when the kill was sent
   * @param exitCode        exit status of the killed process (137 = SIGKILL)
   * @param tempFilesAtKill unfinished lake files the kill left behind
   * @param skippedOnReplay records the restarted ingest found already in the lake (redelivered, not rewritten)
   * @param audit           the lake compared with what was produced
   * @param seconds         wall time of the whole run
   */
  public record Result(long produced, long inLakeAtKill, int exitCode, long tempFilesAtKill, double skippedOnReplay,
      LakeAudit audit, double seconds) {

    public boolean passed() {
      return exitCode == ServiceProcess.SIGKILL_EXIT && audit.exactlyOnce(produced) && audit.tempFiles() == 0
          && inLakeAtKill > 0 && inLakeAtKill < produced;
    }
  }

  private final BenchStack stack;
  private final PrintStream out;

  public CrashRun(BenchStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  public Result run(Options o) {
    long t0 = System.nanoTime();
    long now = System.currentTimeMillis();
    DemoDataGenerator data = new DemoDataGenerator(new DemoConfig(o.seed(), 500, Math.max(1_000, o.events() / 10),
        o.events(), now, Duration.ofDays(3)));
    String group = "crash-" + UUID.randomUUID();
    Set<UUID> produced = new HashSet<>(o.events() * 4 / 3 + 1);
    Duration catchUp = Duration.ofSeconds(60 + o.events() / 5_000);

    out.printf(Locale.ROOT, "[crash] starting ingest, then producing %,d page views to %d partitions%n", o.events(), o.partitions());
    ServiceProcess first = stack.startIngest("ingest-1", group, List.of());
    CompletableFuture<PageViewLoad.Result> load;
    Producer<String, byte[]> producer = FastProducer.create(stack.broker().bootstrapServers());
    PageViewLoad loader = new PageViewLoad(producer, new EventCodec(Clock.systemUTC()), out);
    load = CompletableFuture.supplyAsync(() -> loader.send(data.pageViews(), o.events(), produced));

    long killAt;
    int exit;
    long temp;
    try {
      long target = (long) (o.events() * o.killAt());
      // Kept from the poll that met the target: a second look could race with a file rename and see less.
      long[] seen = {0};
      Await.until("the lake to hold " + target + " events", catchUp, first.child(), () -> {
        if (load.isCompletedExceptionally()) {
          load.join(); // throws the producer's failure
        }
        seen[0] = lakeCount();
        return seen[0] >= target;
      });
      killAt = seen[0];
      exit = first.killHard();
      temp = LakeAudit.tempFiles(stack.lake());
      out.printf(Locale.ROOT, "[crash] SIGKILL sent with %,d events in the lake (%.0f %%, %,d produced so far); exit status %d,"
          + " %d unfinished temp file(s) left%n", killAt, 100.0 * killAt / o.events(), loader.sentSoFar(), exit, temp);
    } finally {
      first.close();
    }

    double skipped;
    try (ServiceProcess second = stack.startIngest("ingest-2", group, List.of())) {
      out.println("[crash] ingest restarted with the same consumer group");
      PageViewLoad.Result sent = load.join();
      producer.close();
      out.printf(Locale.ROOT, "[crash] produced %,d events in %.1f s (%.0f events/s)%n", sent.sent(), sent.seconds(), sent.perSecond());
      long step = Math.max(1, sent.sent() / 10);
      long[] lastReported = {0};
      Await.until("the lake to hold all " + sent.sent() + " events", catchUp, second.child(), () -> {
        long n = lakeCount();
        if (n / step > lastReported[0] / step) {
          out.printf(Locale.ROOT, "  lake %,d / %,d%n", n, sent.sent());
          lastReported[0] = n;
        }
        return n >= sent.sent();
      });
      skipped = second.counter("eplly_ingest_records_already_in_lake_total");
    }
    LakeAudit audit = LakeAudit.of(stack.lake(), produced);
    Result r = new Result(produced.size(), killAt, exit, temp, skipped, audit, (System.nanoTime() - t0) / 1e9);
    out.printf(Locale.ROOT, "[crash] produced %,d | lake lines %,d | distinct eventIds %,d | missing %,d | unexpected %,d"
            + " | undecodable %,d | temp files %d | replayed-and-skipped %,.0f | %.0f s | %s%n",
        r.produced(), audit.lines(), audit.distinct(), audit.missing(), audit.unexpected(), audit.undecodable(),
        audit.tempFiles(), skipped, r.seconds(), r.passed() ? "PASS" : "FAIL");
    return r;
  }

  private long lakeCount() {
    return LakeProgress.offsetsCovered(stack.lake(), LakeLayout.PAGE_VIEWS);
  }
}
