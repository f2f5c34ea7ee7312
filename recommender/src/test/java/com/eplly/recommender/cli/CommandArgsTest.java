package com.eplly.recommender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandArgsTest {

  private static CommandArgs parse(String... args) {
    return CommandArgs.parse(TrainOptions.FLAGS, args);
  }

  @Test
  void defaultsRunLocally() {
    TrainOptions o = TrainOptions.from(parse());
    assertEquals("var/lake", o.lake());
    assertEquals("var/models", o.models());
    assertEquals("local[2]", o.master());
    assertEquals("redis://localhost:6379", o.redis().uri());
    assertEquals(Duration.ofDays(7), o.ttl());
    assertEquals(Optional.empty(), o.version());
    assertFalse(o.publish());
    assertEquals(20, o.params().k());
  }

  @Test
  void parsesTypedValuesInBothForms() {
    TrainOptions o = TrainOptions.from(parse("--k=5", "--covisit-half-life", "36h", "--ttl", "PT2H",
        "--publish", "--version", "v-test", "--master", "spark://h:7077", "--alpha", "2.5", "--lookback", "0"));
    assertEquals(5, o.params().k());
    assertEquals(Duration.ofHours(36), o.params().covisitHalfLife());
    assertEquals(Duration.ofHours(2), o.ttl());
    assertTrue(o.publish());
    assertEquals(Optional.of("v-test"), o.version());
    assertEquals("spark://h:7077", o.master());
    assertEquals(2.5, o.params().alsAlpha());
    assertTrue(o.params().lookback().isZero());
  }

  @Test
  void badValuesAreUsageErrorsNamingTheFlag() {
    assertEquals("--k must be a positive integer, got '0'",
        assertThrows(UsageException.class, () -> TrainOptions.from(parse("--k", "0"))).getMessage());
    assertTrue(assertThrows(UsageException.class, () -> TrainOptions.from(parse("--ttl", "soon"))).getMessage()
        .startsWith("--ttl must be a duration"));
    assertTrue(assertThrows(UsageException.class, () -> TrainOptions.from(parse("--version", "a:b"))).getMessage()
        .startsWith("--version: version must be"));
    assertTrue(assertThrows(UsageException.class, () -> TrainOptions.from(parse("--redis", "localhost:6379"))).getMessage()
        .startsWith("--redis: redis URI must look like"));
    assertEquals("unknown option --nope", assertThrows(UsageException.class, () -> parse("--nope", "1")).getMessage());
    assertEquals("--k needs a value", assertThrows(UsageException.class, () -> parse("--k")).getMessage());
  }

  @Test
  void cliExitCodes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    RecoCli cli = new RecoCli();

    assertEquals(RecoCli.OK, cli.run(new String[] {"train", "--help"}, ctx));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--covisit-half-life <value>"));
    assertEquals(RecoCli.USAGE, cli.run(new String[] {"tran"}, ctx));
    assertEquals(RecoCli.USAGE, cli.run(new String[] {"rollback", "--k", "3"}, ctx));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --k"));
    assertEquals(RecoCli.FAILED, cli.run(new String[] {"rollback", "--redis", "redis://localhost:1"}, ctx));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot reach Redis"), err.toString(StandardCharsets.UTF_8));
  }
}
