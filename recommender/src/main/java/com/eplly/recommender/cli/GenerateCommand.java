package com.eplly.recommender.cli;

import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import com.eplly.generator.lake.GeneratedLake;
import com.eplly.recommender.train.Progress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reco generate}: a seeded, generated portal written straight into a new lake folder. */
@Command(name = "generate",
    description = "write a generated news portal (catalog + page views) into a lake folder, as ingest would")
final class GenerateCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Spec
  CommandSpec spec;

  @Option(names = "--lake", paramLabel = "<folder>", required = true,
      description = "new (or empty) lake folder to write")
  Path lake;

  @Option(names = "--views", paramLabel = "<n>", defaultValue = "1000000", converter = Converters.PositiveInt.class,
      description = "page views; readers (views/10) and articles (views/50) grow with it")
  int views;

  @Option(names = "--seed", defaultValue = "42", description = "the same seed and size always give the same data")
  long seed;

  @Option(names = "--end", paramLabel = "<instant>", defaultValue = "2026-11-01T00:00:00Z",
      description = "time of the last page view; the views span the week before")
  Instant end;

  @Mixin
  HelpOption help;

  GenerateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    DemoConfig config = DemoConfig.scaled(seed, views, end.toEpochMilli());
    Progress progress = new Progress(ctx.out(), 2);
    progress.begin(String.format(Locale.ROOT, "planning %,d readers, %,d articles", config.readers(), config.articles()));
    DemoDataGenerator generator = new DemoDataGenerator(config);
    progress.end("catalog ready");
    progress.begin(String.format(Locale.ROOT, "writing %,d page views to %s", config.pageViews(), lake));
    GeneratedLake.Written written;
    try {
      written = new GeneratedLake(lake).write(generator,
          n -> progress.note(String.format(Locale.ROOT, "%,d page views written", n)));
    } catch (IllegalArgumentException e) { // a lake folder that is not empty
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    progress.end(String.format(Locale.ROOT, "%,d page views, %,d articles in %,d files", written.pageViews(),
        written.articles(), written.files()));
    return RecoCli.OK;
  }
}
