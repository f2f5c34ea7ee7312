package com.eplly.recommender.content;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Unit-length TF-IDF vectors per article; {@link #neighbourScores} is the exact cosine top-K per
 * article (an inverted index over the vectors' terms, on the driver: catalogs within a training's
 * lookback are thousands, not millions, of articles).
 */
public final class ContentSimilarityModel extends Model<ContentSimilarityModel> {

  private final String uid;
  private final Dataset<Row> vectors;
  private final IntParam topK;

  ContentSimilarityModel(String uid, Dataset<Row> vectors) {
    this.uid = uid;
    this.vectors = vectors;
    this.topK = new IntParam(this, "topK", "neighbours kept per article", ParamValidators.gtEq(1));
    setDefault(topK, 20);
  }

  public IntParam topK() {
    return topK;
  }

  public ContentSimilarityModel setTopK(int value) {
    set(topK, value);
    return this;
  }

  /** {@code articleId, features} (L2-normalised TF-IDF). */
  public Dataset<Row> vectors() {
    return vectors;
  }

  /** Cosine top-K per article: {@code articleId, neighbourId, score}, ties by neighbour id. */
  public Dataset<Row> neighbourScores() {
    int k = (Integer) $(topK);
    List<Row> rows = vectors.orderBy("articleId").collectAsList();
    int n = rows.size();
    String[] ids = new String[n];
    int[][] terms = new int[n][];
    double[][] values = new double[n][];
    Map<Integer, List<int[]>> postings = new HashMap<>();
    for (int a = 0; a < n; a++) {
      ids[a] = rows.get(a).getString(0);
      SparseVector v = ((Vector) rows.get(a).get(1)).toSparse();
      terms[a] = v.indices();
      values[a] = v.values();
      for (int t = 0; t < terms[a].length; t++) {
        postings.computeIfAbsent(terms[a][t], x -> new ArrayList<>()).add(new int[] {a, t});
      }
    }
    List<Row> out = new ArrayList<>();
    double[] dot = new double[n];
    boolean[] marked = new boolean[n];
    int[] touched = new int[n];
    for (int a = 0; a < n; a++) {
      int m = 0;
      for (int t = 0; t < terms[a].length; t++) {
        for (int[] p : postings.get(terms[a][t])) {
          int b = p[0];
          if (b == a) {
            continue;
          }
          if (!marked[b]) {
            marked[b] = true;
            touched[m++] = b;
          }
          dot[b] += values[a][t] * values[b][p[1]];
        }
      }
      // Only the best k of the m touched articles are kept: a bounded heap, not a sort of all m
      // (m nears the catalog size when a token such as the category is shared by many).
      Comparator<Integer> better = (x, y) -> dot[x] != dot[y] ? Double.compare(dot[y], dot[x]) : ids[x].compareTo(ids[y]);
      PriorityQueue<Integer> best = new PriorityQueue<>(k + 1, better.reversed());
      for (int i = 0; i < m; i++) {
        best.add(touched[i]);
        if (best.size() > k) {
          best.poll();
        }
      }
      Integer[] order = best.toArray(new Integer[0]);
      Arrays.sort(order, better);
      for (Integer b : order) {
        if (dot[b] > 0) {
          out.add(RowFactory.create(ids[a], ids[b], dot[b]));
        }
      }
      for (int i = 0; i < m; i++) {
        dot[touched[i]] = 0;
        marked[touched[i]] = false;
      }
    }
    return vectors.sparkSession().createDataFrame(out, new StructType().add("articleId", "string")
        .add("neighbourId", "string").add("score", "double"));
  }

  /** Top-K similar candidate articles per article, reason {@code similar-content}. */
  public Dataset<Row> neighbourLists(Candidates candidates) {
    return SuggestionLists.topK(candidates.restrict(neighbourScores(), "neighbourId"), "articleId", "neighbourId",
        (Integer) $(topK), Reason.SIMILAR_CONTENT);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return dataset.toDF().join(neighbourLists(Candidates.unrestricted()), "articleId", "left");
  }

  static StructType outputSchema(StructType input) {
    return input.add(SuggestionLists.SUGGESTIONS, SuggestionLists.schema("k").fields()[1].dataType());
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema);
  }

  @Override
  public ContentSimilarityModel copy(ParamMap extra) {
    return copyValues(new ContentSimilarityModel(uid, vectors), extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }
}
