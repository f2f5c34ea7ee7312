package com.eplly.recommender.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.recommender.SparkTest;
import com.eplly.recommender.datasets.DatasetName;
import com.eplly.recommender.datasets.InteractionData;
import com.eplly.recommender.train.Progress;
import com.eplly.recommender.train.TrainParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole evaluation on a small generated portal: every model scored, files written. */
@SparkTest
class EvaluationTest {

  private final SparkSession spark;

  @TempDir
  Path out;

  EvaluationTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void hybridBeatsRandomByAWideMarginAndReportsAreWritten() throws Exception {
    InteractionData data = DatasetName.GENERATED.load(Optional.empty(), 11, 6_000);
    // One grid point each keeps the test short; the CLI's plans try more.
    TrainParams params = TrainParams.defaults().withHalfLives(Duration.ofDays(2), Duration.ofHours(12));
    EvalPlan plan = new EvalPlan(NextClickSplit.lastSpan(5, Duration.ofHours(12), 20), params,
        List.of(new double[] {16, 0.05, 10}), List.of(50.0), 0);

    EvaluationResult result = new Evaluation(spark, new Progress(System.out, Evaluation.STEPS)).run(data, plan, 3);
    EvaluationReport.write(result, out);
    EvaluationReport.printSummary(result, System.out);

    Map<String, ModelResult> models = result.models().stream().collect(Collectors.toMap(ModelResult::name, m -> m));
    assertEquals(List.of("random", "popularity", "co-visitation", "followed-by", "als", "ease", "content", "hybrid"),
        result.models().stream().map(ModelResult::name).toList());
    double random = models.get("random").headline().hr();
    double hybrid = models.get("hybrid").headline().hr();
    assertTrue(hybrid > 3 * random + 0.1, "hybrid HR@20 " + hybrid + " vs random " + random);
    assertTrue(models.get("hybrid").headline().mrr() > 3 * models.get("random").headline().mrr());

    JsonNode json = new ObjectMapper().readTree(out.resolve(EvaluationReport.METRICS_FILE).toFile());
    assertEquals("generated", json.get("dataset").asText());
    assertEquals(20, json.get("k").asInt());
    for (String field : new String[] {"hr", "mrr", "ndcg", "precision", "recall", "map", "coverage", "novelty", "trainSeconds"}) {
      assertTrue(json.get("models").get("hybrid").has(field), "metrics.json lacks " + field);
    }
    assertEquals(20, json.get("models").get("hybrid").get("hrCurve").size());
    String html = Files.readString(out.resolve(EvaluationReport.HTML_FILE));
    assertTrue(html.contains("<svg") && html.contains("<polyline") && !html.contains("http://") && !html.contains("https://"),
        "report must be self-contained with charts");

    EvaluationResult again = new Evaluation(spark, new Progress(System.out, Evaluation.STEPS)).run(data, plan, 3);
    assertEquals(result.models().stream().map(ModelResult::byK).toList(), again.models().stream().map(ModelResult::byK).toList(),
        "same seed, same metrics");
  }
}
