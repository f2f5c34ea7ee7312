package com.eplly.recommender.cli;

import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import com.eplly.generator.lake.GeneratedLake;
import com.eplly.recommender.train.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code reco generate}: a seeded, generated portal written straight into a new lake folder. */
final class GenerateCommand implements Command {

  static final List<Flag> FLAGS = List.of(
      Flag.option("lake", null, "new (or empty) lake folder to write"),
      Flag.option("views", "1000000", "page views; readers (views/10) and articles (views/50) grow with it"),
      Flag.option("seed", "42", "the same seed and size always give the same data"),
      Flag.option("end", "2026-11-01T00:00:00Z", "time of the last page view; the views span the week before"));

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public String summary() {
    return "write a generated news portal (catalog + page views) into a lake folder, as ingest would";
  }

  @Override
  public List<Flag> flags() {
    return FLAGS;
  }

  @Override
  public int run(CommandArgs args, CliContext ctx) {
    Path lake = Path.of(args.string("lake"));
    long seed = args.parsed("seed", Long::parseLong);
    long end = args.instant("end").orElseThrow().toEpochMilli();
    DemoConfig config = DemoConfig.scaled(seed, args.positiveInt("views"), end);
    Progress progress = new Progress(ctx.out(), 2);
    progress.begin(String.format(Locale.ROOT, "planning %,d readers, %,d articles", config.readers(), config.articles()));
    DemoDataGenerator generator = new DemoDataGenerator(config);
    progress.end("catalog ready");
    progress.begin(String.format(Locale.ROOT, "writing %,d page views to %s", config.pageViews(), lake));
    GeneratedLake.Written written;
    try {
      written = new GeneratedLake(lake).write(generator,
          n -> progress.note(String.format(Locale.ROOT, "%,d page views written", n)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    progress.end(String.format(Locale.ROOT, "%,d page views, %,d articles in %,d files", written.pageViews(),
        written.articles(), written.files()));
    return RecoCli.OK;
  }
}
