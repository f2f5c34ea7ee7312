package com.eplly.recommender.hybrid;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * The hybrid's blending rule, the one implementation that {@code reco evaluate} (on driver arrays,
 * see {@code evaluate.Blend}) and {@code reco train} (on Datasets, {@link #lists}) share: per list,
 * each source keeps its top {@link #DEPTH} candidates, their scores are min-max normalised (an
 * item the source did not score counts as 0, so the minimum is at most 0), multiplied by the
 * source's weight and summed; an item's reason is that of the source contributing most to it.
 */
public final class HybridBlend {

  /** Items each source contributes per list. */
  public static final int DEPTH = 200;

  private static final String CONTRIBUTION = "_contribution";
  private static final String MIN = "_min";
  private static final String MAX = "_max";
  private static final String DEPTH_RANK = "_depthRank";

  // The Spark side calls the very same Java function as the evaluator rather than re-spelling it.
  private static final UserDefinedFunction NORMALISED =
      udf((UDF3<Double, Double, Double, Double>) HybridBlend::normalised, DataTypes.DoubleType).asNonNullable();

  private HybridBlend() {}

  /** {@code score} min-max normalised into [0, 1]; 0 when the list has a single distinct score. */
  public static double normalised(double score, double min, double max) {
    return max > min ? (score - min) / (max - min) : 0;
  }

  /**
   * Top-{@code k} blended lists per key among the candidate articles, in the
   * {@link SuggestionLists} shape ({@code keyCol, suggestions}). Sources weighing 0 are skipped.
   *
   * @throws IllegalArgumentException when every given source weighs 0
   */
  public static Dataset<Row> lists(List<SourceScores> sources, HybridWeights weights, String keyCol,
      String candidateCol, int k, Candidates candidates) {
    Dataset<Row> contributions = null;
    for (SourceScores s : sources) {
      double weight = weights.of(s.source());
      if (weight == 0) {
        continue;
      }
      Dataset<Row> part = contributions(s, weight, keyCol, candidateCol, candidates);
      contributions = contributions == null ? part : contributions.unionByName(part);
    }
    if (contributions == null) {
      throw new IllegalArgumentException("hybrid weights " + weights + " give every source of the " + keyCol
          + " lists (" + sources.stream().map(SourceScores::source).toList() + ") weight 0");
    }
    // max(struct(contribution, reason)): the strongest source's reason, ties by reason name.
    Dataset<Row> blended = contributions.groupBy(col(keyCol), col(candidateCol))
        .agg(sum(col(CONTRIBUTION)).as(SuggestionLists.SCORE),
            max(struct(col(CONTRIBUTION), col(SuggestionLists.REASON))).getField(SuggestionLists.REASON)
                .as(SuggestionLists.REASON));
    return SuggestionLists.topK(blended, keyCol, candidateCol, k, col(SuggestionLists.REASON));
  }

  private static Dataset<Row> contributions(SourceScores s, double weight, String keyCol, String candidateCol,
      Candidates candidates) {
    Column score = col(SuggestionLists.SCORE);
    Dataset<Row> rows = candidates.restrict(s.rows().select(col(keyCol), col(candidateCol), score.cast("double").as(SuggestionLists.SCORE)),
        candidateCol);
    WindowSpec byKey = Window.partitionBy(col(keyCol));
    WindowSpec byScore = byKey.orderBy(score.desc(), col(candidateCol).asc());
    return rows
        .withColumn(MIN, least(lit(0.0), min(score).over(byKey)))
        .withColumn(MAX, max(score).over(byKey))
        .withColumn(DEPTH_RANK, row_number().over(byScore))
        .where(col(DEPTH_RANK).leq(DEPTH))
        .select(col(keyCol), col(candidateCol),
            lit(weight).multiply(NORMALISED.apply(score, col(MIN), col(MAX))).as(CONTRIBUTION),
            lit(s.reason().wireName()).as(SuggestionLists.REASON));
  }
}
