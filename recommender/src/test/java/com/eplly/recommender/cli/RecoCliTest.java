package com.eplly.recommender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.recommender.hybrid.Source;
import com.eplly.recommender.train.TrainParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** reco's command line as picocli parses it: defaults, typed values, usage errors and exit codes (no job runs). */
class RecoCliTest {

  private static final CliContext QUIET = context(new ByteArrayOutputStream(), new ByteArrayOutputStream(), Map.of());

  private static CliContext context(ByteArrayOutputStream out, ByteArrayOutputStream err, Map<String, String> env) {
    return new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(), env);
  }

  /** The subcommand object after parsing, without running it. */
  private static <T> T parsed(CliContext context, String... args) {
    CommandLine cli = new RecoCli().commandLine(context);
    return cli.parseArgs(args).subcommand().commandSpec().commandLine().getCommand();
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new RecoCli().run(args, context(out, err, Map.of()));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void trainDefaultsRunLocallyWithTheTrainingDefaults() {
    TrainCommand train = parsed(QUIET, "train");
    assertEquals("var/lake", train.lake);
    assertEquals("var/models", train.models.folder);
    assertEquals("local[2]", train.master.url);
    assertEquals("redis://localhost:6379", train.redis.endpoint().uri());
    assertEquals(Duration.ofDays(7), train.ttl.duration);
    assertNull(train.version);
    assertFalse(train.publish);
    assertEquals(TrainParams.defaults(), train.params.params());
  }

  @Test
  void parsesTypedValuesInBothForms() {
    TrainCommand train = parsed(QUIET, "train", "--k=5", "--covisit-half-life", "36h", "--ttl", "PT2H", "--publish",
        "--version", "v-test", "--master", "spark://h:7077", "--alpha", "2.5", "--lookback", "0",
        "--as-of", "2026-11-27T20:00:00Z", "--hybrid", "als=1,co-visitation=0.5");
    TrainParams p = train.params.params();
    assertEquals(5, p.k());
    assertEquals(Duration.ofHours(36), p.covisitHalfLife());
    assertEquals(Duration.ofHours(2), train.ttl.duration);
    assertTrue(train.publish);
    assertEquals("v-test", train.version);
    assertEquals("spark://h:7077", train.master.url);
    assertEquals(2.5, p.alsAlpha());
    assertTrue(p.lookback().isZero());
    assertEquals(Instant.parse("2026-11-27T20:00:00Z"), p.asOf().orElseThrow());
    assertEquals(0.5, p.hybrid().of(Source.CO_VISITATION));
    assertEquals(0.0, p.hybrid().of(Source.POPULARITY));
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    assertUsageError("Invalid value for option '--ease-lambda': must be a number >= 0, got '-1'",
        "train", "--ease-lambda", "-1");
    assertUsageError("Invalid value for option '--k': must be a positive integer, got '0'", "train", "--k", "0");
    assertUsageError("Invalid value for option '--ttl': must be a duration like 30m, 12h, 7d or PT36H, got 'soon'",
        "publish", "--ttl", "soon");
    assertUsageError("Invalid value for option '--covisit-half-life': must be longer than 0",
        "train", "--covisit-half-life", "0");
    assertUsageError("Invalid value for option '--version': version must be", "train", "--version", "a:b");
    assertUsageError("Invalid value for option '--redis': redis URI must look like",
        "models", "--redis", "localhost:6379");
    assertUsageError("Invalid value for option '--hybrid': unknown hybrid source 'nope'",
        "train", "--hybrid", "nope=1");
    assertUsageError("Invalid value for option '--dataset': unknown dataset 'imdb'", "evaluate", "--dataset", "imdb");
    assertUsageError("Invalid value for option '--as-of': must be an ISO-8601 instant",
        "train", "--as-of", "yesterday");
    assertUsageError("Missing required parameter for option '--k'", "train", "--k");
  }

  @Test
  void sessionFilesAreForTheSessionsDatasetOnly() {
    assertUsageError("--dataset sessions needs --train and --test", "evaluate", "--dataset", "sessions", "--train", "a.txt");
    assertUsageError("--dataset sessions reads --train and --test, not --path", "evaluate", "--dataset", "sessions",
        "--train", "a.txt", "--test", "b.txt", "--path", "x");
    assertUsageError("--train, --test and --protocol are for --dataset sessions only", "evaluate", "--dataset",
        "movielens", "--path", "x", "--train", "a.txt");
    assertUsageError("Invalid value for option '--protocol': must be news or standard, got 'chameleon'", "evaluate",
        "--dataset", "sessions", "--protocol", "chameleon");
  }

  @Test
  void missingRequiredArgumentsAreUsageErrors() {
    assertUsageError("Missing required parameter: 'VERSION'", "activate");
    assertUsageError("Error: Missing required argument (specify one of these): (--dataset=<dataset> | --lake=<folder>)",
        "evaluate");
    assertUsageError("Error: --dataset=<dataset>, --lake=<folder> are mutually exclusive (specify only one)",
        "evaluate", "--dataset", "generated", "--lake", "x");
    assertUsageError("Missing required option: '--lake=<folder>'", "generate");
  }

  @Test
  void unknownCommandsOptionsAndArgumentsAreUsageErrors() {
    Run typo = assertUsageError("Unmatched argument at index 0: 'tran'", "tran");
    assertTrue(typo.err.contains("train"), typo.err);
    assertUsageError("Unknown options: '--k', '3'", "rollback", "--k", "3");
    assertUsageError("Unmatched argument at index 1: 'extra'", "models", "extra");
    Run none = run();
    assertEquals(RecoCli.USAGE, none.exit);
    assertTrue(none.out.contains("Usage: reco"), none.out);
  }

  private static Run assertUsageError(String message, String... args) {
    Run r = run(args);
    assertEquals(RecoCli.USAGE, r.exit, r.err);
    assertTrue(r.err.startsWith("error: " + message), r.err);
    String command = args.length > 0 && !args[0].equals("tran") ? " " + args[0] : "";
    assertTrue(r.err.contains("see: reco" + command + " --help"), r.err);
    return r;
  }

  @Test
  void helpAndVersionExitZero() {
    Run help = run("train", "--help");
    assertEquals(RecoCli.OK, help.exit, help.err);
    assertTrue(help.out.contains("Usage: reco train [OPTIONS]"), help.out);
    assertTrue(help.out.matches(
        "(?s).*--covisit-half-life=<duration>\\s+co-visitation: half-life of a pair's weight\\s+Default: 7d.*"), help.out);

    Run list = run("--help");
    assertEquals(RecoCli.OK, list.exit);
    assertTrue(list.out.contains("evaluate") && !list.out.contains("generate-completion"), list.out);
    assertEquals(list.out, run("help").out);

    Run version = run("--version");
    assertEquals(RecoCli.OK, version.exit, version.err);
    assertTrue(version.out.startsWith("reco ") && version.out.contains("Spark 4."), version.out);
  }

  @Test
  void generatesShellCompletion() {
    Run completion = run("generate-completion");
    assertEquals(RecoCli.OK, completion.exit, completion.err);
    assertTrue(completion.out.contains("complete -F _complete_reco") && completion.out.contains("--covisit-half-life"),
        completion.out);
  }

  @Test
  void redisPasswordFromTheEnvironmentUnlessAFileGivesIt(@TempDir Path dir) throws IOException {
    Map<String, String> env = Map.of(RedisOptions.PASSWORD_ENV, "from-env");
    ModelsCommand fromEnv = parsed(context(new ByteArrayOutputStream(), new ByteArrayOutputStream(), env), "models");
    assertEquals("from-env", fromEnv.redis.endpoint().password());

    Path file = Files.writeString(dir.resolve("password"), "from-file\n");
    ModelsCommand fromFile = parsed(context(new ByteArrayOutputStream(), new ByteArrayOutputStream(), env),
        "models", "--redis-password-file", file.toString());
    assertEquals("from-file", fromFile.redis.endpoint().password());

    ModelsCommand none = parsed(context(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
        Map.of(RedisOptions.PASSWORD_ENV, "")), "models");
    assertNull(none.redis.endpoint().password());

    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    ModelsCommand emptyFile = parsed(QUIET, "models", "--redis-password-file", empty.toString());
    assertTrue(assertThrows(ParameterException.class, emptyFile.redis::endpoint).getMessage().endsWith(" is empty"));
    assertUsageError("--redis-password-file: cannot read " + dir.resolve("missing") + " (NoSuchFileException)",
        "models", "--redis-password-file", dir.resolve("missing").toString());
  }

  @Test
  void failuresWhileRunningExitOne() {
    Run unreachable = run("rollback", "--redis", "redis://localhost:1");
    assertEquals(RecoCli.FAILED, unreachable.exit);
    assertTrue(unreachable.err.contains("cannot reach Redis"), unreachable.err);
  }
}
