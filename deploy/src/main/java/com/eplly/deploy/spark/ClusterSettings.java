package com.eplly.deploy.spark;

import java.nio.file.Path;

/**
 * Shape of a Spark standalone cluster on this machine.
 *
 * @param workers        worker processes
 * @param coresPerWorker cores each worker offers to executors
 * @param workerMemory   memory each worker offers, e.g. {@code 2g}
 * @param dir            logs, work folders and the Spark home the workers launch executors from
 */
public record ClusterSettings(int workers, int coresPerWorker, String workerMemory, Path dir) {

  public ClusterSettings {
    if (workers < 1 || coresPerWorker < 1) {
      throw new IllegalArgumentException("a cluster needs at least one worker with at least one core");
    }
    if (!workerMemory.matches("\\d+[mMgG]")) {
      throw new IllegalArgumentException("worker memory must look like 512m or 2g, got " + workerMemory);
    }
    dir = dir.toAbsolutePath().normalize();
  }

  /** Two workers of one core and 2 GB: the smallest cluster that still moves data between JVMs. */
  public static ClusterSettings small(Path dir) {
    return new ClusterSettings(2, 1, "2g", dir);
  }
}
