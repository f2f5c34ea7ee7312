package com.eplly.bench.cluster;

/** Injects one {@link ClusterFaultSpec} half-way through a phase; the part stays broken for the rest of the run. */
@FunctionalInterface
public interface ClusterFaultWorker {

  void inject();
}
