package com.eplly.recommender.cli;

import com.eplly.recommender.datasets.DatasetName;
import com.eplly.recommender.datasets.InteractionData;
import com.eplly.recommender.datasets.LakeLoader;
import com.eplly.recommender.evaluate.EvalPlan;
import com.eplly.recommender.evaluate.Evaluation;
import com.eplly.recommender.evaluate.EvaluationReport;
import com.eplly.recommender.evaluate.EvaluationResult;
import com.eplly.recommender.train.Progress;
import com.eplly.recommender.train.TrainParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reco evaluate}: offline evaluation of every candidate model on a dataset or on the portal's lake. */
@Command(name = "evaluate",
    description = "split a dataset (or replay the lake) by its protocol, train every model with train's code, "
        + "write metrics.json + report.html")
final class EvaluateCommand implements Callable<Integer> {

  private final CliContext ctx;

  @ArgGroup(multiplicity = "1")
  Input input;

  /** What is evaluated: a named dataset or the portal's own lake. */
  static final class Input {
    @Option(names = "--dataset", required = true, completionCandidates = Converters.DatasetNames.class,
        description = "one of: ${COMPLETION-CANDIDATES}")
    DatasetName dataset;

    @Option(names = "--lake", paramLabel = "<folder>", required = true,
        description = "replay the portal's own lake: train before the cut-off, ask the api's questions after it")
    String lake;
  }

  @Option(names = "--path", paramLabel = "<folder>",
      description = "dataset folder, read in place (not needed for generated)")
  Path path;

  @Option(names = "--test-hours", paramLabel = "<n>", defaultValue = "24", converter = Converters.PositiveInt.class,
      description = "--lake: the newest hours held out as the test window (the validation window before it is as long)")
  int testHours;

  @Option(names = "--max-queries", paramLabel = "<n>", defaultValue = "10000", converter = Converters.PositiveInt.class,
      description = "--lake: test (and validation) queries scored per protocol, sampled (seeded) beyond it")
  int maxQueries;

  @Option(names = "--out", paramLabel = "<folder>", defaultValue = "var/eval",
      description = "folder for metrics.json and report.html")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the split, sampling and generated data")
  long seed;

  @Option(names = "--size", paramLabel = "<n>", defaultValue = "30000", converter = Converters.PositiveInt.class,
      description = "generated: page views to generate")
  int size;

  @Mixin
  MasterOption master;

  @Mixin
  HelpOption help;

  EvaluateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    EvaluationResult result;
    try (SparkSession spark = SparkSessions.startForEvaluation(master.url)) {
      Progress loading = new Progress(ctx.out(), 1);
      loading.begin("loading " + (input.lake != null ? "the lake " + input.lake : input.dataset.cliName()));
      InteractionData data = input.lake != null ? new LakeLoader(spark).load(input.lake)
          : input.dataset.load(Optional.ofNullable(path), seed, size);
      loading.end(String.format(Locale.ROOT, "%,d interactions, %,d catalog items from %s", data.interactions().size(),
          data.catalog().size(), data.source()));
      EvalPlan plan = input.lake != null ? EvalPlan.forLake(TrainParams.defaults(), Duration.ofHours(testHours), maxQueries)
          : EvalPlan.forDataset(input.dataset);
      result = new Evaluation(spark, new Progress(ctx.out(), Evaluation.STEPS)).run(data, plan, seed);
    }
    EvaluationReport.write(result, out);
    EvaluationReport.printSummary(result, ctx.out());
    ctx.out().println("wrote " + out.resolve(EvaluationReport.METRICS_FILE) + " and " + out.resolve(EvaluationReport.HTML_FILE));
    return RecoCli.OK;
  }
}
