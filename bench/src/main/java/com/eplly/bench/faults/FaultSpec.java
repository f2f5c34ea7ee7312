package com.eplly.bench.faults;

/**
 * One intake fault described as data (as Kafka Trogdor's {@code TaskSpec}s are): its case name,
 * what the table says it injects, and the worker that runs it.
 */
public interface FaultSpec {

  /** The case name of {@code --cases}, e.g. {@code huge-body}. */
  String name();

  /** What the table's "injected" column says. */
  String injected();

  /** Whether the broker must run when the case starts (restarted first if an earlier case left it down). */
  default boolean needsBroker() {
    return true;
  }

  FaultWorker newWorker(CaseTools tools);
}
