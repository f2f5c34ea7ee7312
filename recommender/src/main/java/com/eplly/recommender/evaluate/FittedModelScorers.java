package com.eplly.recommender.evaluate;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.NEIGHBOUR_ID;
import static com.eplly.recommender.lake.Columns.SCORE;
import static org.apache.spark.sql.functions.col;

import com.eplly.recommender.als.ImplicitAlsModel;
import com.eplly.recommender.content.ContentSimilarityModel;
import com.eplly.recommender.covisit.CoVisitationModel;
import com.eplly.recommender.ease.EaseModel;
import com.eplly.recommender.hybrid.BlendRule;
import com.eplly.recommender.hybrid.Source;
import com.eplly.recommender.popularity.RecencyPopularityModel;
import com.eplly.recommender.sequence.FollowedByModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Fitted Spark models collected to the driver as {@link QueryScorer}s over a protocol's items. */
public final class FittedModelScorers {

  private FittedModelScorers() {}

  public static QueryScorer popularity(RecencyPopularityModel model, ItemIndex items) {
    double[] scores = new double[items.size()];
    for (Row r : model.scores().collectAsList()) {
      int i = items.index(r.getString(0));
      if (i >= 0) {
        scores[i] = r.getDouble(1);
      }
    }
    return QueryScorers.constant(Source.POPULARITY.label(), scores);
  }

  public static QueryScorer coVisitation(CoVisitationModel model, ItemIndex items) {
    return neighbours(Source.CO_VISITATION.label(), model.scores(), items);
  }

  /** Re-reads included: going back to an item of the prefix is a next click too. */
  public static QueryScorer followedBy(FollowedByModel model, ItemIndex items) {
    return neighbours(Source.FOLLOWED_BY.label(), model.scores(), items);
  }

  /** From {@link ContentSimilarityModel#neighbourScores} (as deep as the blend reads: {@link BlendRule#DEPTH}). */
  public static QueryScorer content(Dataset<Row> neighbourScores, ItemIndex items) {
    return neighbours(Source.CONTENT.label(), neighbourScores, items);
  }

  /** {@code articleId, neighbourId, score} rows as adjacency arrays. */
  static QueryScorer neighbours(String name, Dataset<Row> scores, ItemIndex items) {
    Map<Integer, List<Row>> by = new HashMap<>();
    for (Row r : scores.select(col(ARTICLE_ID), col(NEIGHBOUR_ID), col(SCORE)).collectAsList()) {
      int a = items.index(r.getString(0));
      if (a >= 0 && items.index(r.getString(1)) >= 0) {
        by.computeIfAbsent(a, x -> new ArrayList<>()).add(r);
      }
    }
    int[][] neighbours = new int[items.size()][];
    float[][] weights = new float[items.size()][];
    by.forEach((a, rows) -> {
      neighbours[a] = new int[rows.size()];
      weights[a] = new float[rows.size()];
      for (int j = 0; j < rows.size(); j++) {
        neighbours[a][j] = items.index(rows.get(j).getString(1));
        weights[a][j] = (float) rows.get(j).getDouble(2);
      }
    });
    return QueryScorers.neighbours(name, neighbours, weights);
  }

  public static QueryScorer als(ImplicitAlsModel model, ItemIndex items) {
    String[] readerLabels = model.readerLabels();
    String[] articleLabels = model.articleLabels();
    int rank = model.factors().rank();
    Map<String, float[]> readers = new HashMap<>();
    for (Row r : model.factors().userFactors().collectAsList()) {
      readers.put(readerLabels[r.getInt(0)], floats(r.getList(1)));
    }
    float[][] vectors = new float[items.size()][];
    for (Row r : model.factors().itemFactors().collectAsList()) {
      int i = items.index(articleLabels[r.getInt(0)]);
      if (i >= 0) {
        vectors[i] = floats(r.getList(1));
      }
    }
    return QueryScorers.factors(Source.ALS.label(), readers, vectors, rank);
  }

  private static float[] floats(List<Object> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).floatValue();
    }
    return out;
  }

  /** EASE scores mapped between its own indexes and the protocol's. */
  public static QueryScorer ease(EaseModel model, ItemIndex items) {
    int[] toModel = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      toModel[i] = model.index(items.label(i));
    }
    int[] fromModel = new int[model.items()];
    for (int j = 0; j < model.items(); j++) {
      fromModel[j] = items.index(model.label(j));
    }
    return QueryScorer.of(Source.EASE.label(), (q, out) -> {
      int[] history = new int[q.context().length];
      for (int c = 0; c < history.length; c++) {
        history[c] = q.context()[c] < 0 ? -1 : toModel[q.context()[c]];
      }
      double[] own = new double[model.items()];
      model.scoreInto(history, q.contextWeights(), own);
      for (int j = 0; j < own.length; j++) {
        if (fromModel[j] >= 0) {
          out[fromModel[j]] += own[j];
        }
      }
    });
  }
}
