package com.eplly.recommender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * docs/cli.md is {@code reco --help} and every {@code reco <command> --help}, rendered from the
 * picocli model: the test fails when the two differ, and rewrites the file when asked to.
 */
class CliReferenceTest {

  static final String WRITE = "cli.docs.write";
  static final String REGENERATE = "mvn -B -q -o -pl recommender -am test -Dtest=CliReferenceTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";

  @Test
  void docsAreTheHelpOfEveryCommand() throws IOException {
    Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs/cli.md"); // surefire runs in the module folder
    String rendered = render();
    if (Boolean.getBoolean(WRITE)) {
      Files.writeString(docs, rendered, StandardCharsets.UTF_8);
    }
    String written = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
    assertEquals(rendered, written, "docs/cli.md differs from reco's help; regenerate it with: " + REGENERATE);
  }

  private static String render() {
    PrintStream nowhere = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CommandLine reco = new RecoCli().commandLine(new CliContext(nowhere, nowhere, Clock.systemUTC()));
    StringBuilder md = new StringBuilder()
        .append("# `reco`, the data team's CLI\n\n")
        .append("Generated from `reco --help` and every `reco <command> --help` by `CliReferenceTest`; do not edit.\n")
        .append("After changing a command or an option, regenerate it with\n`").append(REGENERATE).append("`.\n\n")
        .append("`deploy/bin/reco` runs it in local mode, `deploy/bin/spark-cluster submit` on a cluster. ")
        .append("Shell completion (bash, zsh) with `deploy/bin` on the PATH: `source <(reco generate-completion)`.\n");
    section(md, reco);
    reco.getSubcommands().values().stream()
        .filter(c -> !c.getCommandSpec().usageMessage().hidden() && !c.getCommandName().equals("help"))
        .forEach(c -> section(md, c));
    return md.toString();
  }

  private static void section(StringBuilder md, CommandLine command) {
    md.append("\n## ").append(command.getCommandSpec().qualifiedName()).append("\n\n```text\n")
        .append(command.getUsageMessage(Ansi.OFF)).append("```\n");
  }
}
