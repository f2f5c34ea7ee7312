package com.eplly.bench.cluster;

import com.eplly.deploy.process.ServiceProcess;
import java.io.PrintStream;
import java.util.Locale;

/**
 * An ingest instance killed with SIGKILL (no shutdown hook runs), as Trogdor's {@code ProcessStopFaultSpec}.
 *
 * @param instance index of the ingest instance, from 0 ({@code ingest-1})
 */
public record ProcessKillSpec(int instance) implements ClusterFaultSpec {

  @Override
  public String description() {
    return "ingest-" + (instance + 1) + " killed with SIGKILL";
  }

  @Override
  public ClusterFaultWorker newWorker(ClusterStack stack, PrintStream out) {
    return () -> {
      ServiceProcess victim = stack.ingest().get(instance);
      int exit = victim.killHard();
      out.printf(Locale.ROOT, "[cluster] %s exited with status %d%n", victim.name(), exit);
    };
  }
}
