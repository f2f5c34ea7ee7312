package com.eplly.recommender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code reco erase} refuses an id events would refuse (usage error), and with no broker behind
 * {@code --kafka} says that nothing was erased (failure) instead of printing the erasure.
 */
class EraseCommandTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new RecoCli().run(args, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(), Map.of("USER", "ops")));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anInvalidReaderIdIsAUsageErrorWithTheEventsReason() {
    Run r = run("erase", "--reader", "not an id", "--kafka", "localhost:1");

    assertEquals(RecoCli.USAGE, r.exit());
    assertTrue(r.err().contains("--reader must be 1-128 characters of [A-Za-z0-9._:-]"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void withoutABrokerNothingIsPrintedAndTheErrorSaysSo() throws IOException {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    Run r = run("erase", "--reader", "r-1", "--kafka", "localhost:" + deadPort, "--timeout", "1s");

    assertEquals(RecoCli.FAILED, r.exit());
    assertTrue(r.err().contains("the erasure was not accepted, nothing was erased"), r.err());
    assertEquals("", r.out());
  }
}
