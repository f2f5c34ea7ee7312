package com.eplly.recommender.cli;

import com.eplly.recommender.datasets.DatasetName;
import com.eplly.recommender.datasets.InteractionData;
import com.eplly.recommender.evaluate.EvalPlan;
import com.eplly.recommender.evaluate.Evaluation;
import com.eplly.recommender.evaluate.EvaluationReport;
import com.eplly.recommender.evaluate.EvaluationResult;
import com.eplly.recommender.train.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/** {@code reco evaluate}: offline evaluation of every candidate model on a dataset. */
final class EvaluateCommand implements Command {

  static final List<Flag> FLAGS = List.of(
      Flag.option("dataset", null, "movielens | diginetica | globo | generated"),
      Flag.option("path", null, "dataset folder, read in place (not needed for generated)"),
      Flag.option("out", "var/eval", "folder for metrics.json and report.html"),
      Flag.option("seed", "42", "seed of the split, sampling and generated data"),
      Flag.option("size", "30000", "generated: page views to generate"),
      Flag.MASTER);

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public String summary() {
    return "split a dataset by its protocol, train every model with train's code, write metrics.json + report.html";
  }

  @Override
  public List<Flag> flags() {
    return FLAGS;
  }

  @Override
  public int run(CommandArgs args, CliContext ctx) throws Exception {
    DatasetName dataset = args.parsed("dataset", DatasetName::parse);
    long seed = args.parsed("seed", Long::parseLong);
    int size = args.positiveInt("size");
    Path out = Path.of(args.string("out"));
    Progress loading = new Progress(ctx.out(), 1);
    loading.begin("loading " + dataset.cliName());
    InteractionData data = dataset.load(args.optional("path").map(Path::of), seed, size);
    loading.end(String.format(Locale.ROOT, "%,d interactions, %,d catalog items from %s", data.interactions().size(),
        data.catalog().size(), data.source()));
    EvaluationResult result;
    try (SparkSession spark = SparkSessions.startForEvaluation(args.string("master"))) {
      result = new Evaluation(spark, new Progress(ctx.out(), Evaluation.STEPS)).run(data, EvalPlan.forDataset(dataset), seed);
    }
    EvaluationReport.write(result, out);
    EvaluationReport.printSummary(result, ctx.out());
    ctx.out().println("wrote " + out.resolve(EvaluationReport.METRICS_FILE) + " and " + out.resolve(EvaluationReport.HTML_FILE));
    return RecoCli.OK;
  }
}
