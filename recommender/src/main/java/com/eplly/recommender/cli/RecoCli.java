package com.eplly.recommender.cli;

import com.eplly.recommender.datasets.DatasetName;
import com.eplly.recommender.publish.RedisEndpoint;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code reco}, the data team's CLI, and its top-level picocli command: the
 * subcommands, the help layout they all inherit, and how option text becomes typed values.
 */
@Command(name = "reco", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
    versionProvider = RecoVersion.class,
    description = "The data team's CLI: train, publish and switch model versions, evaluate models offline, "
        + "erase readers.",
    subcommands = {TrainCommand.class, PublishCommand.class, ModelsCommand.class, RollbackCommand.class,
        ActivateCommand.class, EvaluateCommand.class, CompareCommand.class, GenerateCommand.class,
        ExperimentReportCommand.class, EraseCommand.class, CompactCommand.class, ExportCommand.class,
        HelpCommand.class, AutoComplete.GenerateCompletion.class},
    // inherited by every subcommand (scope INHERIT)
    showDefaultValues = true, sortOptions = false, abbreviateSynopsis = true, usageHelpWidth = 120,
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:done", "1:failed (the error says why)", "2:bad usage (an unknown or bad option)"})
public final class RecoCli implements Callable<Integer> {

  public static final int OK = ExitCode.OK;
  public static final int FAILED = ExitCode.SOFTWARE;
  public static final int USAGE = ExitCode.USAGE;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new RecoCli().run(args, new CliContext(System.out, System.err, Clock.systemUTC(), System.getenv())));
  }

  /** Runs one command line; returns the process exit code. */
  public int run(String[] args, CliContext context) {
    CommandLine cli = commandLine(context);
    try {
      return cli.execute(args);
    } finally {
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }

  /** The command tree with its converters and handlers, printing to the context's streams. */
  CommandLine commandLine(CliContext context) {
    CommandLine cli = new CommandLine(this, new CliFactory(context))
        .setOut(new PrintWriter(context.out(), true))
        .setErr(new PrintWriter(context.err(), true))
        .setDefaultValueProvider(new ShortDurationDefaults())
        .setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(new FailureHandler())
        .registerConverter(Duration.class, new Converters.NonNegativeDuration())
        .registerConverter(Instant.class, new Converters.IsoInstant())
        .registerConverter(DatasetName.class, new Converters.Dataset())
        .registerConverter(RedisEndpoint.class, new Converters.Redis());
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
    return cli;
  }

  /** {@code reco} alone: the list of commands, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return USAGE;
  }
}
