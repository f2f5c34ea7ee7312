package com.eplly.bench.cluster;

import java.io.PrintStream;

/** The baseline phase: nothing is broken. */
public record NoFaultSpec() implements ClusterFaultSpec {

  @Override
  public String description() {
    return "none";
  }

  @Override
  public ClusterFaultWorker newWorker(ClusterStack stack, PrintStream out) {
    return () -> { };
  }
}
