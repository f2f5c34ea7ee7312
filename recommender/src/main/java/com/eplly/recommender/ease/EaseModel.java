package com.eplly.recommender.ease;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
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
 * {@link #scoreInto} scores a history on the driver; {@link #neighbourScores} and
 * {@link #readerScores} give the production lists.
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

  /** Positive weights per article, the top {@code k}: {@code articleId, neighbourId, score}. */
  public Dataset<Row> neighbourScores(SparkSession spark, int k) {
    List<Row> rows = new ArrayList<>();
    int n = labels.length;
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        row[j] = weights[i * n + j];
      }
      for (int j : topPositive(row, k, -1)) {
        rows.add(RowFactory.create(labels[i], labels[j], row[j]));
      }
    }
    return spark.createDataFrame(rows, new StructType().add("articleId", "string").add("neighbourId", "string")
        .add("score", "double"));
  }

  /**
   * Top {@code k} unread articles per reader from their history in {@code views}:
   * {@code readerId, articleId, score}, computed on the executors with the weights broadcast.
   */
  public Dataset<Row> readerScores(Dataset<Row> views, int k) {
    SparkSession spark = views.sparkSession();
    Broadcast<float[]> b = spark.sparkContext().broadcast(weights, ClassTag$.MODULE$.apply(float[].class));
    Broadcast<String[]> names = spark.sparkContext().broadcast(labels, ClassTag$.MODULE$.apply(String[].class));
    Dataset<Row> histories = views.groupBy(col("readerId")).agg(collect_set(col("articleId")).as("items"));
    StructType schema = new StructType().add("readerId", "string").add("articleId", "string").add("score", "double");
    FlatMapFunction<Row, Row> score = r -> {
      String[] ids = names.value();
      float[] w = b.value();
      int n = ids.length;
      Map<String, Integer> idx = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        idx.put(ids[i], i);
      }
      List<String> items = r.getList(1);
      double[] s = new double[n];
      int[] seen = items.stream().map(idx::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
      for (int i : seen) {
        for (int j = 0; j < n; j++) {
          s[j] += w[i * n + j];
        }
      }
      for (int i : seen) {
        s[i] = Double.NEGATIVE_INFINITY;
      }
      List<Row> out = new ArrayList<>();
      for (int j : topPositive(s, k, -1)) {
        out.add(RowFactory.create(r.getString(0), ids[j], s[j]));
      }
      return out.iterator();
    };
    return histories.flatMap(score, Encoders.row(schema));
  }

  /** Indexes of the (at most k) largest positive values, best first, ties by index. */
  static int[] topPositive(double[] values, int k, int skip) {
    Integer[] order = new Integer[values.length];
    int m = 0;
    for (int j = 0; j < values.length; j++) {
      if (j != skip && values[j] > 0) {
        order[m++] = j;
      }
    }
    Integer[] kept = Arrays.copyOf(order, m);
    Arrays.sort(kept, (a, c) -> values[a] != values[c] ? Double.compare(values[c], values[a]) : Integer.compare(a, c));
    return Arrays.stream(kept).limit(k).mapToInt(Integer::intValue).toArray();
  }

  /** Item-to-item lists among the candidates: {@code articleId, suggestions}. */
  public Dataset<Row> neighbourLists(SparkSession spark, int k, Candidates candidates, Reason reason) {
    return SuggestionLists.topK(candidates.restrict(neighbourScores(spark, k * 3), "neighbourId"), "articleId",
        "neighbourId", k, reason);
  }

  /** Attaches each article's neighbour list (rows with an {@code articleId}). */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return dataset.toDF().join(neighbourLists(dataset.sparkSession(), 20, Candidates.unrestricted(), Reason.READ_TOGETHER),
        "articleId", "left");
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
