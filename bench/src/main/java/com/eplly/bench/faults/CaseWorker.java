package com.eplly.bench.faults;

import java.io.PrintStream;

/** What every intake fault worker holds: the shared case tools, the stack they act on, and where progress goes. */
abstract class CaseWorker implements FaultWorker {

  protected final CaseTools tools;
  protected final FaultStack stack;
  protected final PrintStream out;

  CaseWorker(CaseTools tools) {
    this.tools = tools;
    this.stack = tools.stack();
    this.out = tools.out();
  }
}
