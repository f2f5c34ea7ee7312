package com.eplly.bench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.deploy.process.ServiceProcess;
import com.eplly.deploy.service.RepoLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the packaged ingest process, CI-sized: 100k generated page views, SIGKILL when
 * about half are in the lake, restart with the same group, then every event exactly once.
 * The full 1M run is {@code deploy/bin/bench-ingest crash}.
 */
@Tag("slow")
class IngestCrashIT {

  private static final int EVENTS = 100_000;

  @Test
  void sigkillMidwayLosesAndDuplicatesNothing(@TempDir Path work) {
    String root = System.getProperty("eplly.repo.root");
    assertNotNull(root, "system property eplly.repo.root is not set (failsafe sets it)");
    try (BenchStack stack = BenchStack.start(work, new RepoLayout(Path.of(root)), 3, "256mb", false)) {
      CrashRun.Result r = new CrashRun(stack, System.out).run(new CrashRun.Options(EVENTS, 0.45, 3, 4242L));

      assertEquals(ServiceProcess.SIGKILL_EXIT, r.exitCode(), "exit status of the killed ingest (128 + SIGKILL)");
      assertTrue(r.inLakeAtKill() > 0 && r.inLakeAtKill() < r.produced(),
          "killed mid-way: " + r.inLakeAtKill() + " of " + r.produced() + " in the lake");
      assertTrue(r.produced() > EVENTS * 0.99, "generated " + r.produced());
      LakeAudit a = r.audit();
      assertEquals(r.produced(), a.lines(), "lake lines");
      assertEquals(r.produced(), a.distinct(), "distinct eventIds in the lake");
      assertEquals(0, a.missing(), "produced events missing from the lake");
      assertEquals(0, a.unexpected(), "lake events never produced");
      assertEquals(0, a.undecodable(), "lake lines that are not valid page views");
      assertEquals(0, a.tempFiles(), "temp files left after the restarted ingest stopped");
      assertTrue(r.passed());
    }
  }
}
