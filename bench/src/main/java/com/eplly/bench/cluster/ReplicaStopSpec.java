package com.eplly.bench.cluster;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The replica of one Redis Cluster master stopped.
 *
 * @param master index of the master, from 0
 */
public record ReplicaStopSpec(int master) implements ClusterFaultSpec {

  @Override
  public String description() {
    return "replica of Redis master " + (master + 1) + " stopped";
  }

  @Override
  public ClusterFaultWorker newWorker(ClusterStack stack, PrintStream out) {
    return () -> {
      int port = stack.redis().stopReplicaOf(master);
      out.printf(Locale.ROOT, "[cluster] stopped the replica on port %d; Redis Cluster: %s%n", port, stack.redis().describe());
    };
  }
}
