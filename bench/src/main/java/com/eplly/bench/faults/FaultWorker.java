package com.eplly.bench.faults;

/** Runs one {@link FaultSpec} against the running stack: injects it, sends traffic through it, heals it, one table row. */
public interface FaultWorker {

  /**
   * @param label the row's name, e.g. {@code 1 huge-body}
   * @return the row; a check that did not hold is a failure in it, not an exception
   */
  CaseResult run(String label) throws Exception;
}
