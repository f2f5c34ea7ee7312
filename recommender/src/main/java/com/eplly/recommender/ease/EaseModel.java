package com.eplly.recommender.ease;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.NEIGHBOUR_ID;
import static com.eplly.recommender.lake.Columns.SCORE;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.hybrid.BoundedTopK;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.reflect.ClassTag$;

/**
 * Fitted EASE weights (row i = what reading article i says about every other article).
 * {@link #scoreInto} scores a history on the driver; {@link #neighbourScores} gives the article
 * lists' ease part, {@link #broadcastable} the weights that score readers on the executors.
 */
public final class EaseModel extends Model<EaseModel> {

  private final String uid;
  private final String[] labels;
  private final float[] weights;
  private final Map<String, Integer> index;

  EaseModel(String uid, String[] labels, float[] weights) {
    this.uid = uid;
    this.labels = labels;
    this.weights = weights;
    this.index = new HashMap<>(labels.length * 2);
    for (int i = 0; i < labels.length; i++) {
      index.put(labels[i], i);
    }
  }

  public int items() {
    return labels.length;
  }

  public String label(int i) {
    return labels[i];
  }

  /** The model's index of an article, or -1 when it has no weights. */
  public int index(String articleId) {
    Integer i = index.get(articleId);
    return i == null ? -1 : i;
  }

  /** {@code B[from][to]}. */
  public double weight(int from, int to) {
    return weights[from * labels.length + to];
  }

  /** Adds {@code w × B[i][·]} for each history item i (model indexes; negatives skipped) into {@code out}. */
  public void scoreInto(int[] history, double[] historyWeights, double[] out) {
    int n = labels.length;
    for (int h = 0; h < history.length; h++) {
      int i = history[h];
      if (i < 0) {
        continue;
      }
      double w = historyWeights[h];
      int row = i * n;
      for (int j = 0; j < n; j++) {
        out[j] += w * weights[row + j];
      }
    }
  }

  /**
   * Positive weights per article, the top {@code k}: {@code articleId, neighbourId, score},
   * computed on the executors with the weights broadcast.
   */
  public Dataset<Row> neighbourScores(SparkSession spark, int k) {
    Broadcast<EaseWeights> b = spark.sparkContext().broadcast(broadcastable(), ClassTag$.MODULE$.apply(EaseWeights.class));
    StructType schema = new StructType().add(ARTICLE_ID, "string").add(NEIGHBOUR_ID, "string").add(SCORE, "double");
    MapPartitionsFunction<Long, Row> neighbours = articles -> {
      EaseWeights w = b.value();
      List<Row> out = new ArrayList<>();
      while (articles.hasNext()) {
        int i = articles.next().intValue();
        for (BoundedTopK.Entry e : w.neighbours(i, k)) {
          out.add(RowFactory.create(w.label(i), e.id(), e.score()));
        }
      }
      return out.iterator();
    };
    int n = labels.length;
    int slices = Math.max(1, Math.min(n, 2 * spark.sparkContext().defaultParallelism()));
    return spark.range(0, n, 1, slices).mapPartitions(neighbours, Encoders.row(schema));
  }

  /** The weights in a form to broadcast, for scoring on the executors. */
  public EaseWeights broadcastable() {
    return new EaseWeights(labels, weights);
  }

  /** Item-to-item lists among the candidates: {@code articleId, suggestions}. */
  public Dataset<Row> neighbourLists(SparkSession spark, int k, Candidates candidates, Reason reason) {
    return SuggestionLists.topK(candidates.restrict(neighbourScores(spark, k * 3), NEIGHBOUR_ID), ARTICLE_ID,
        NEIGHBOUR_ID, k, reason);
  }

  /** Attaches each article's neighbour list (rows with an {@code articleId}). */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return dataset.toDF().join(neighbourLists(dataset.sparkSession(), 20, Candidates.unrestricted(), Reason.READ_TOGETHER),
        ARTICLE_ID, "left");
  }

  static StructType outputSchema(StructType input) {
    return input.add(SuggestionLists.SUGGESTIONS, SuggestionLists.schema("k").fields()[1].dataType());
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema);
  }

  @Override
  public EaseModel copy(ParamMap extra) {
    return copyValues(new EaseModel(uid, labels, weights), extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }
}
