package com.eplly.recommender.content;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.NEIGHBOUR_ID;
import static com.eplly.recommender.lake.Columns.SCORE;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.reflect.ClassTag$;

/**
 * Unit-length TF-IDF vectors per article; {@link #neighbourScores} is the exact cosine top-K per
 * article (an inverted index over the vectors' terms, broadcast, each article scored on the
 * executors).
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

  /**
   * Cosine top-K per article: {@code articleId, neighbourId, score}, ties by neighbour id. The
   * vectors are collected once into a {@link ContentIndex}, broadcast, and the articles scored
   * on the executors.
   */
  public Dataset<Row> neighbourScores() {
    int k = (Integer) $(topK);
    SparkSession spark = vectors.sparkSession();
    // Sorted here, in Java's string order, which ContentIndex's ties by index rely on.
    List<Row> rows = new ArrayList<>(vectors.collectAsList());
    rows.sort(Comparator.comparing(r -> r.getString(0)));
    int n = rows.size();
    String[] ids = new String[n];
    int[][] terms = new int[n][];
    double[][] values = new double[n][];
    for (int a = 0; a < n; a++) {
      ids[a] = rows.get(a).getString(0);
      SparseVector v = ((Vector) rows.get(a).get(1)).toSparse();
      terms[a] = v.indices();
      values[a] = v.values();
    }
    Broadcast<ContentIndex> index = spark.sparkContext().broadcast(new ContentIndex(ids, terms, values),
        ClassTag$.MODULE$.apply(ContentIndex.class));
    StructType schema = new StructType().add(ARTICLE_ID, "string").add(NEIGHBOUR_ID, "string").add(SCORE, "double");
    MapPartitionsFunction<Long, Row> neighbours = articles -> {
      ContentIndex idx = index.value();
      ContentIndex.Scratch scratch = idx.scratch();
      List<Row> out = new ArrayList<>();
      while (articles.hasNext()) {
        int a = articles.next().intValue();
        for (ContentIndex.Neighbour b : idx.top(a, k, scratch)) {
          out.add(RowFactory.create(idx.id(a), idx.id(b.article()), b.score()));
        }
      }
      return out.iterator();
    };
    // Several slices per core: articles sharing many terms cost more, so small slices even out.
    int slices = Math.max(1, Math.min(n, 4 * spark.sparkContext().defaultParallelism()));
    return spark.range(0, n, 1, slices).mapPartitions(neighbours, Encoders.row(schema));
  }

  /** Top-K similar candidate articles per article, reason {@code similar-content}. */
  public Dataset<Row> neighbourLists(Candidates candidates) {
    return SuggestionLists.topK(candidates.restrict(neighbourScores(), NEIGHBOUR_ID), ARTICLE_ID, NEIGHBOUR_ID,
        (Integer) $(topK), Reason.SIMILAR_CONTENT);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return dataset.toDF().join(neighbourLists(Candidates.unrestricted()), ARTICLE_ID, "left");
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
