package com.eplly.recommender.cli;

import com.eplly.recommender.datasets.DatasetName;
import com.eplly.recommender.datasets.InteractionData;
import com.eplly.recommender.datasets.LakeLoader;
import com.eplly.recommender.datasets.SessionFiles;
import com.eplly.recommender.evaluate.EvalPlan;
import com.eplly.recommender.evaluate.Evaluation;
import com.eplly.recommender.evaluate.EvaluationReport;
import com.eplly.recommender.evaluate.EvaluationResult;
import com.eplly.recommender.evaluate.SessionFileSplit;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
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
      description = "dataset folder, read in place (not needed for generated or sessions)")
  Path path;

  @Option(names = "--test-hours", paramLabel = "<n>", defaultValue = "24", converter = Converters.PositiveInt.class,
      description = "--lake: the newest hours held out as the test window (the validation window before it is as long)")
  int testHours;

  @Option(names = "--max-queries", paramLabel = "<n>", defaultValue = "10000", converter = Converters.PositiveInt.class,
      description = "--lake: test (and validation) queries scored per protocol, sampled (seeded) beyond it")
  int maxQueries;

  @Option(names = "--train", paramLabel = "<file>",
      description = "sessions: training file in session-rec's prepared format (TSV SessionId, ItemId, Time)")
  Path train;

  @Option(names = "--test", paramLabel = "<file>",
      description = "sessions: test file, same format; every prefix of its sessions predicts the next click")
  Path test;

  @Option(names = "--protocol", paramLabel = "<variant>", converter = Converters.SessionVariant.class,
      description = "sessions: news (default; lists exclude the session's clicks, repeat targets skipped) "
          + "or standard (session-rec's: a repeat click counts)")
  SessionFileSplit.Variant protocol;

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

  @Spec
  CommandSpec spec;

  EvaluateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    checkDatasetOptions();
    EvaluationResult result;
    try (SparkSession spark = SparkSessions.startForEvaluation(master.url)) {
      Progress loading = new Progress(ctx.out(), 1);
      InteractionData data;
      EvalPlan plan;
      if (input.lake != null) {
        loading.begin("loading the lake " + input.lake);
        data = new LakeLoader(spark).load(input.lake);
        plan = EvalPlan.forLake(TrainParams.defaults(), Duration.ofHours(testHours), maxQueries);
        loading.end(String.format(Locale.ROOT, "%,d page views, %,d catalog articles from %s", data.interactions().size(),
            data.catalog().size(), data.source()));
      } else if (input.dataset.isFilePair()) {
        loading.begin("loading " + input.dataset.cliName());
        SessionFiles files = DatasetName.loadSessionFiles(train, test);
        data = files.train();
        plan = EvalPlan.forSessionFiles(files.test(), protocol == null ? SessionFileSplit.Variant.NEWS : protocol);
        loading.end(String.format(Locale.ROOT, "%,d training clicks, %,d test clicks from %s", data.interactions().size(),
            files.test().size(), data.source()));
      } else {
        loading.begin("loading " + input.dataset.cliName());
        data = input.dataset.load(Optional.ofNullable(path), seed, size);
        plan = EvalPlan.forDataset(input.dataset);
        loading.end(String.format(Locale.ROOT, "%,d interactions, %,d catalog items from %s", data.interactions().size(),
            data.catalog().size(), data.source()));
      }
      result = new Evaluation(spark, new Progress(ctx.out(), Evaluation.STEPS)).run(data, plan, seed);
    }
    EvaluationReport.write(result, out);
    EvaluationReport.printSummary(result, ctx.out());
    ctx.out().println("wrote " + out.resolve(EvaluationReport.METRICS_FILE) + " and " + out.resolve(EvaluationReport.HTML_FILE));
    return RecoCli.OK;
  }

  /** --train and --test belong to the file-pair dataset (and --path to the others): a usage error otherwise. */
  private void checkDatasetOptions() {
    if (input.lake != null) {
      if (train != null || test != null || protocol != null || path != null) {
        throw new ParameterException(spec.commandLine(), "--lake reads the lake only: no --path, --train, --test or --protocol");
      }
      return;
    }
    DatasetName dataset = input.dataset;
    if (dataset.isFilePair()) {
      if (train == null || test == null) {
        throw new ParameterException(spec.commandLine(), "--dataset " + dataset.cliName() + " needs --train and --test");
      }
      if (path != null) {
        throw new ParameterException(spec.commandLine(), "--dataset " + dataset.cliName()
            + " reads --train and --test, not --path");
      }
    } else if (train != null || test != null || protocol != null) {
      throw new ParameterException(spec.commandLine(), "--train, --test and --protocol are for --dataset "
          + DatasetName.SESSIONS.cliName() + " only");
    }
  }
}
