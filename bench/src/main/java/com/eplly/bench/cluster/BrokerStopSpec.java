package com.eplly.bench.cluster;

import java.io.PrintStream;

/**
 * A Kafka node shut down (controlled shutdown, in this JVM).
 *
 * @param node    index of the node to stop, from 0
 * @param brokers nodes of the cluster, for the description
 */
public record BrokerStopSpec(int node, int brokers) implements ClusterFaultSpec {

  @Override
  public String description() {
    return "Kafka node " + (node + 1) + " of " + brokers + " shut down";
  }

  @Override
  public ClusterFaultWorker newWorker(ClusterStack stack, PrintStream out) {
    return () -> stack.kafka().stop(node);
  }
}
