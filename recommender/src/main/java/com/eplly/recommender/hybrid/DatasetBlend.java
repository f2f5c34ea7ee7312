package com.eplly.recommender.hybrid;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@link BlendRule} over Datasets: {@code reco train}'s article lists, each source's score rows
 * grouped by list key and blended per key.
 */
public final class DatasetBlend {

  private static final String KEY = "_key";
  private static final String CANDIDATE = "_item"; // not Candidates.restrict's own "_candidate"
  private static final String SOURCE = "_source";

  private DatasetBlend() {}

  /**
   * Top-{@code k} blended lists per key among the candidate articles, in the
   * {@link SuggestionLists} shape ({@code keyCol, suggestions}). Sources weighing 0 are skipped.
   * Rows are grouped by key and each source's rows folded into a bounded top-{@link BlendRule#DEPTH}
   * (memory per key bounded by the sources × DEPTH, no sort of a source's whole output).
   *
   * @throws IllegalArgumentException when every given source weighs 0
   */
  public static Dataset<Row> lists(List<SourceScoreRows> sources, HybridWeights weights, String keyCol,
      String candidateCol, int k, Candidates candidates) {
    List<Double> partWeights = new ArrayList<>();
    List<String> partReasons = new ArrayList<>();
    Dataset<Row> rows = null;
    for (SourceScoreRows s : sources) {
      double weight = weights.of(s.source());
      if (weight == 0) {
        continue;
      }
      Dataset<Row> part = s.rows().select(col(keyCol).as(KEY), col(candidateCol).as(CANDIDATE),
          col(SuggestionLists.SCORE).cast("double").as(SuggestionLists.SCORE), lit(partWeights.size()).as(SOURCE));
      partWeights.add(weight);
      partReasons.add(s.source().reason().wireName());
      rows = rows == null ? part : rows.unionByName(part);
    }
    if (rows == null) {
      throw new IllegalArgumentException("hybrid weights " + weights + " give every source of the " + keyCol
          + " lists (" + sources.stream().map(SourceScoreRows::source).toList() + ") weight 0");
    }
    double[] w = partWeights.stream().mapToDouble(Double::doubleValue).toArray();
    String[] reasons = partReasons.toArray(String[]::new);
    return candidates.restrict(rows, CANDIDATE).transform(r -> blendedPerKey(r, w, reasons, keyCol, k));
  }

  /**
   * Rows of {@code _key, _candidate, score, _source} to one blended list row per key. The rows are
   * clustered by their key column and each partition's runs of one key blended in turn, rather
   * than {@code groupByKey}, which turns every row into a Java object once more just to read its
   * key and ships the key a second time.
   */
  private static Dataset<Row> blendedPerKey(Dataset<Row> rows, double[] weights, String[] reasons, String keyCol, int k) {
    MapPartitionsFunction<Row, Row> blend = sorted -> {
      List<Row> out = new ArrayList<>();
      Row r = sorted.hasNext() ? sorted.next() : null;
      while (r != null) {
        String key = r.getString(0);
        BoundedTopK[] tops = new BoundedTopK[weights.length];
        while (r != null && r.getString(0).equals(key)) {
          int source = r.getInt(3);
          if (tops[source] == null) {
            tops[source] = new BoundedTopK(BlendRule.DEPTH);
          }
          tops[source].offer(r.getString(1), r.getDouble(2));
          r = sorted.hasNext() ? sorted.next() : null;
        }
        List<BlendRule.Part> parts = new ArrayList<>(weights.length);
        for (int s = 0; s < weights.length; s++) {
          if (tops[s] != null) {
            parts.add(new BlendRule.Part(weights[s], reasons[s], tops[s]));
          }
        }
        List<BlendRule.Item> items = BlendRule.blend(parts, k);
        if (!items.isEmpty()) {
          out.add(listRow(key, items));
        }
      }
      return out.iterator();
    };
    return rows.repartition(col(KEY)).sortWithinPartitions(col(KEY))
        .mapPartitions(blend, Encoders.row(SuggestionLists.schema(keyCol)));
  }

  /** One list row in the {@link SuggestionLists} shape, ranks from 1. */
  public static Row listRow(String key, List<BlendRule.Item> items) {
    List<Row> structs = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      BlendRule.Item item = items.get(i);
      structs.add(RowFactory.create(i + 1, item.articleId(), item.score(), item.reason()));
    }
    // Encoders.row takes an array column as a Scala Seq, not a java.util.List.
    return RowFactory.create(key, CollectionConverters.asScala(structs).toSeq());
  }
}
