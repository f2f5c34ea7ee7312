package com.eplly.deploy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.deploy.service.RepoLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark standalone master and two workers on random ports; {@code train} submitted with
 * spark-submit reads a generated lake by {@code file://} URI and must write the same lists as
 * the same training in local mode.
 */
@Tag("slow")
class SparkClusterIT {

  @Test
  void trainSubmittedToTheClusterWritesTheSameListsAsLocalMode(@TempDir Path dir) throws IOException {
    RepoLayout repo = new RepoLayout(Path.of(System.getProperty("eplly.repo.root", "..")));
    repo.requireRecommenderBuilt();
    try (SparkStandalone cluster = SparkStandalone.start(repo, ClusterSettings.small(dir.resolve("cluster")))) {
      assertEquals(2, cluster.aliveWorkers());

      ClusterCheck.Result result = new ClusterCheck(repo, cluster.masterUrl(), dir, Duration.ofMinutes(4))
          .train(3_000, 7, System.out);

      assertTrue(result.same(), () -> "local and cluster lists differ: " + result.differences());
      // The executors ran in the workers' JVMs, not in the driver: each worker has an app folder.
      for (String worker : new String[] {"worker-1", "worker-2"}) {
        try (Stream<Path> apps = Files.list(dir.resolve("cluster").resolve(worker))) {
          assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")), worker + " ran no executor");
        }
      }
    }
  }
}
