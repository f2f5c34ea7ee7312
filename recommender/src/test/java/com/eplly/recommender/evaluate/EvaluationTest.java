package com.eplly.recommender.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.recommender.SparkTest;
import com.eplly.recommender.datasets.DatasetName;
import com.eplly.recommender.datasets.Interaction;
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
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import com.eplly.generator.lake.GeneratedLake;
import com.eplly.recommender.datasets.LakeLoader;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole evaluation on a small generated portal: every model scored, files written. */
@SparkTest
class EvaluationTest {

  private static final long GENERATED_END = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

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
    // Next-click protocols also report the session baselines and the api with its session-page rule turned the other way.
    assertEquals(List.of("random", "popularity", "co-visitation", "followed-by", "als", "ease", "content", "hybrid",
        "v-sknn", "sr", "served", Evaluation.SERVED_OTHER_SESSION_RULE), result.models().stream().map(ModelResult::name).toList());
    double random = models.get("random").headline().hr();
    double hybrid = models.get("hybrid").headline().hr();
    assertTrue(models.get(Evaluation.SERVED).headline().hr() > 3 * random + 0.1, "served " + models.get(Evaluation.SERVED));
    assertTrue(hybrid > 3 * random + 0.1, "hybrid HR@20 " + hybrid + " vs random " + random);
    assertTrue(models.get("hybrid").headline().mrr() > 3 * models.get("random").headline().mrr());

    JsonNode json = new ObjectMapper().readTree(out.resolve(EvaluationReport.METRICS_FILE).toFile());
    assertEquals("generated", json.get("dataset").asText());
    assertEquals(20, json.get("k").asInt());
    for (String field : new String[] {"hr", "mrr", "ndcg", "precision", "recall", "map", "coverage", "novelty", "trainSeconds"}) {
      assertTrue(json.get("models").get("hybrid").has(field), "metrics.json lacks " + field);
    }
    assertEquals(20, json.get("models").get("hybrid").get("hrCurve").size());
    assertTrue(json.get("models").get(Evaluation.SERVED).has("freshUnder24h"), "the generated catalog has publication times");
    String html = Files.readString(out.resolve(EvaluationReport.HTML_FILE));
    assertTrue(html.contains("<svg") && html.contains("<polyline") && !html.contains("http://") && !html.contains("https://"),
        "report must be self-contained with charts");

    EvaluationResult again = new Evaluation(spark, new Progress(System.out, Evaluation.STEPS)).run(data, plan, 3);
    assertEquals(result.models().stream().map(ModelResult::byK).toList(), again.models().stream().map(ModelResult::byK).toList(),
        "same seed, same metrics");
  }

  @Test
  void theLakeIsReplayedOnArticlePagesAndAnonymousSessionsAtTheWidgetsLength() throws Exception {
    Path lake = out.resolve("lake");
    new GeneratedLake(lake).write(new DemoDataGenerator(DemoConfig.scaled(5, 8_000, GENERATED_END)), n -> { });
    InteractionData data = new LakeLoader(spark).load(lake.toString());
    EvalPlan plan = new EvalPlan(new LakeReplay(Duration.ofHours(24), EvalPlan.WIDGET_K, 2_000), TrainParams.defaults(),
        List.of(new double[] {16, 0.05, 10}), List.of(50.0), 0);

    EvaluationResult result = new Evaluation(spark, new Progress(System.out, Evaluation.STEPS)).run(data, plan, 3);
    EvaluationReport.printSummary(result, System.out);

    assertEquals(6, result.k());
    assertTrue(data.interactions().size() > 7_000, "page views read back from the lake: " + data.interactions().size());
    List<ModelResult> anonymous = result.variants().get(LakeReplay.ANONYMOUS);
    for (List<ModelResult> models : List.of(result.models(), anonymous)) {
      ModelResult served = models.stream().filter(m -> m.name().equals(Evaluation.SERVED)).findFirst().orElseThrow();
      ModelResult random = models.get(0);
      assertEquals(Evaluation.SERVED_OTHER_SESSION_RULE, models.get(models.size() - 1).name(),
          "article pages with session reads are also scored with the session rule turned the other way");
      assertEquals(java.util.Set.of(6, 10, 20), served.byK().keySet());
      assertTrue(served.headline().hr() > 3 * random.headline().hr() + 0.05, served.name() + " " + served.headline());
      assertTrue(served.headline().fresh() >= 0 && served.headline().fresh() <= 1, "fresh share " + served.headline().fresh());
    }
    assertTrue((Integer) result.split().get("queriesScored") <= 2_000);
  }

  @Test
  void sessionFilesRunWithoutAlsAndReportTheBaselines() {
    // A session-rec style pair from the generated portal: sessions starting in the last fifth are the test file.
    List<Interaction> all = DatasetName.GENERATED.load(Optional.empty(), 5, 6_000).interactions();
    List<List<Interaction>> sessions = SessionFileSplit.sessions(all);
    int cut = sessions.size() * 4 / 5;
    List<Interaction> train = sessions.subList(0, cut).stream().flatMap(List::stream).toList();
    List<Interaction> test = sessions.subList(cut, sessions.size()).stream().flatMap(List::stream).toList();
    EvalPlan plan = EvalPlan.forSessionFiles(test, SessionFileSplit.Variant.NEWS);

    EvaluationResult result = new Evaluation(spark, new Progress(System.out, Evaluation.STEPS))
        .run(new InteractionData("sessions", "generated pair", train, List.of()), plan, 3);
    EvaluationReport.printSummary(result, System.out);

    Map<String, ModelResult> models = result.models().stream().collect(Collectors.toMap(ModelResult::name, m -> m));
    assertEquals(EvalPlan.NO_ALS, models.get("als").note());
    assertEquals(0, models.get("als").trainSeconds());
    for (String baseline : new String[] {"v-sknn", "sr", "served", Evaluation.SERVED_OTHER_SESSION_RULE}) {
      assertTrue(models.get(baseline).headline().hr() > 3 * models.get("random").headline().hr() + 0.05,
          baseline + " HR@20 " + models.get(baseline).headline().hr());
    }
    assertTrue(models.get("popularity").headline().popularity() > models.get("v-sknn").headline().popularity(),
        "popularity's lists are the most popular by definition");
  }
}
