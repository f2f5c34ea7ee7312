package com.eplly.bench.cluster;

import java.io.PrintStream;

/**
 * One fault of the cluster run described as data (as Kafka Trogdor's {@code ProcessStopFaultSpec}):
 * what the phase table says it breaks, and the worker that breaks it.
 */
public interface ClusterFaultSpec {

  /** What the phase table's "fault" column says. */
  String description();

  ClusterFaultWorker newWorker(ClusterStack stack, PrintStream out);
}
