package com.eplly.bench.cluster;

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
 * The cluster test's command line ({@code deploy/bin/cluster-faults}):
 * <pre>
 *   [--events 20000] [--via-api 200] [--malformed 50]   per phase
 *   [--faults broker,ingest,redis-replica] [--partitions 6] [--seed 7]
 * </pre>
 * Starts a 3-node KRaft cluster, a Redis Cluster of 3 masters + 3 replicas, the api and two ingest
 * instances, runs a baseline phase and one phase per fault, and prints the counts per phase.
 * Exit status 0 when every phase held its checks. Work data and logs: bench/target/cluster-faults.
 */
public final class ClusterFaults {

  private ClusterFaults() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        out.println("usage: cluster-faults [--events 20000] [--via-api 200] [--malformed 50] "
            + "[--faults broker,ingest,redis-replica] [--partitions 6] [--seed 7]");
        System.exit(0);
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        opts.put(args[i].substring(2), args[++i]);
      } else {
        out.println("unknown option " + args[i] + " (see --help)");
        System.exit(2);
      }
    }
    RepoLayout repo = new RepoLayout(Path.of(System.getProperty("eplly.repo.root", ".")));
    Path work = repo.root().resolve("bench/target/cluster-faults");
    FaultRun.Options options;
    ClusterStack.Shape shape;
    try {
      options = new FaultRun.Options(
          Integer.parseInt(opts.getOrDefault("events", "20000")),
          Integer.parseInt(opts.getOrDefault("via-api", "200")),
          Integer.parseInt(opts.getOrDefault("malformed", "50")),
          faults(opts.getOrDefault("faults", "broker,ingest,redis-replica")),
          Long.parseLong(opts.getOrDefault("seed", "7")));
      shape = new ClusterStack.Shape(3, Integer.parseInt(opts.getOrDefault("partitions", "6")), 3, 2);
    } catch (IllegalArgumentException e) {
      out.println("[cluster] bad option: " + e.getMessage());
      System.exit(2);
      return;
    }
    boolean ok;
    try {
      WorkFolder.clean(work);
      try (ClusterStack stack = ClusterStack.start(work, repo, shape, out)) {
        List<PhaseCounts> phases = new FaultRun(stack, out).run(options);
        out.println();
        PhaseCounts.printTable(phases, out);
        ok = phases.stream().allMatch(PhaseCounts::passed);
      }
    } catch (StepFailedException e) {
      out.println("[cluster] FAILED: " + e.report());
      ok = false;
    } catch (RuntimeException e) {
      out.println("[cluster] FAILED: " + e);
      ok = false;
    }
    out.printf(Locale.ROOT, "[cluster] %s; logs in %s%n", ok ? "PASSED" : "FAILED", work.resolve("logs"));
    System.exit(ok ? 0 : 1);
  }

  /** The faults of {@code --faults}, by name, on the run's 3-node Kafka cluster. */
  static final Map<String, ClusterFaultSpec> FAULTS = Map.of(
      "broker", new BrokerStopSpec(1, 3),
      "ingest", new ProcessKillSpec(0),
      "redis-replica", new ReplicaStopSpec(0));

  static List<ClusterFaultSpec> faults(String list) {
    List<ClusterFaultSpec> faults = new ArrayList<>();
    for (String f : list.split(",")) {
      String name = f.strip();
      if (name.isEmpty()) {
        continue;
      }
      ClusterFaultSpec spec = FAULTS.get(name);
      if (spec == null) {
        throw new IllegalArgumentException("unknown fault '" + f + "' (broker, ingest, redis-replica)");
      }
      faults.add(spec);
    }
    return faults;
  }
}
