package com.eplly.recommender.ease;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.countDistinct;

import com.eplly.recommender.lake.Columns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * EASE (Steck, WWW 2019): a closed-form item-to-item model of who read what. With X the binary
 * reader × article matrix and G = XᵀX + λI, the weights are B = I − P·diag(1/diag(P)) with
 * P = G⁻¹ and a zero diagonal; a reader's score of article j is Σ over read articles i of B[i][j].
 * It learns which articles predict which (like co-occurrence, but discounting what is explained
 * by other reads), and is a strong top-N recommender on small and medium catalogs.
 *
 * <p>Input: rows with {@code readerId} and {@code articleId}. Only the {@code maxItems} most-read
 * articles get weights (G is dense: maxItems² doubles on the driver).
 */
public final class Ease extends Estimator<EaseModel> {

  private final String uid;
  private final DoubleParam lambda;
  private final IntParam maxItems;

  public Ease() {
    this(Identifiable.randomUID("ease"));
  }

  public Ease(String uid) {
    this.uid = uid;
    this.lambda = new DoubleParam(this, "lambda", "L2 regularisation added to the Gram diagonal", ParamValidators.gt(0));
    this.maxItems = new IntParam(this, "maxItems", "most-read articles modelled", ParamValidators.gtEq(2));
    setDefault(lambda, 200.0);
    setDefault(maxItems, 3000);
  }

  public DoubleParam lambda() {
    return lambda;
  }

  public IntParam maxItems() {
    return maxItems;
  }

  public Ease setLambda(double value) {
    set(lambda, value);
    return this;
  }

  public Ease setMaxItems(int value) {
    set(maxItems, value);
    return this;
  }

  @Override
  public EaseModel fit(Dataset<?> dataset) {
    return fitEach(dataset, List.of((Double) $(lambda))).get(0);
  }

  /**
   * One model per λ, in order, from one pass over the data: counting the Gram matrix is the
   * expensive part, and it does not depend on λ (hyper-parameter search fits several).
   */
  public List<EaseModel> fitEach(Dataset<?> dataset, List<Double> lambdas) {
    transformSchema(dataset.schema());
    Gram gram = gram(dataset.toDF());
    List<EaseModel> models = new ArrayList<>(lambdas.size());
    for (double l : lambdas) {
      float[] weights = SpdInverse.easeWeights(gram.counts().clone(), gram.labels().length, l);
      models.add(copyValues(new EaseModel(uid, gram.labels(), weights), extractParamMap()).setParent(this));
    }
    return models;
  }

  /** XᵀX over the {@code maxItems} most-read articles, row-major, with their labels in index order. */
  private record Gram(String[] labels, double[] counts) {}

  private Gram gram(Dataset<Row> views) {
    Dataset<Row> pairs = views.select(col(READER_ID), col(ARTICLE_ID)).distinct().cache();
    List<Row> top = pairs.groupBy(col(ARTICLE_ID)).agg(countDistinct(col(READER_ID)).as("readers"))
        .orderBy(col("readers").desc(), col(ARTICLE_ID).asc())
        .limit((Integer) $(maxItems))
        .collectAsList();
    String[] labels = top.stream().map(r -> r.getString(0)).sorted().toArray(String[]::new);
    Map<String, Integer> index = new HashMap<>(labels.length * 2);
    for (int i = 0; i < labels.length; i++) {
      index.put(labels[i], i);
    }
    int n = labels.length;
    double[] counts = new double[n * n];
    Iterator<Row> histories = pairs.groupBy(col(READER_ID)).agg(collect_set(col(ARTICLE_ID)).as("items"))
        .select("items").toLocalIterator();
    int[] scratch = new int[n];
    while (histories.hasNext()) {
      List<String> items = histories.next().getList(0);
      int m = 0;
      for (String item : items) {
        Integer i = index.get(item);
        if (i != null) {
          scratch[m++] = i;
        }
      }
      for (int a = 0; a < m; a++) {
        int row = scratch[a] * n;
        for (int b = 0; b < m; b++) {
          counts[row + scratch[b]] += 1;
        }
      }
    }
    pairs.unpersist();
    return new Gram(labels, counts);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Columns.require(schema, "ease", READER_ID, ARTICLE_ID);
    return EaseModel.outputSchema(schema);
  }

  @Override
  public Ease copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }
}
