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
 * The hybrid's blending rule, the one implementation that {@code reco evaluate} (on driver arrays,
 * see {@code evaluate.Blend}) and {@code reco train} (on Datasets, {@link #lists}, and in place per
 * reader, {@link ListBlender}) share: per list, each source keeps its top {@link #DEPTH}
 * candidates, their scores are min-max normalised (an item the source did not score counts as 0,
 * so the minimum is at most 0), multiplied by the source's weight and summed; an item's reason is
 * that of the source contributing most to it.
 */
public final class HybridBlend {

  /** Items each source contributes per list. */
  public static final int DEPTH = 200;

  private static final String KEY = "_key";
  private static final String CANDIDATE = "_item"; // not Candidates.restrict's own "_candidate"
  private static final String SOURCE = "_source";

  private HybridBlend() {}

  /** {@code score} min-max normalised into [0, 1]; 0 when the list has a single distinct score. */
  public static double normalised(double score, double min, double max) {
    return max > min ? (score - min) / (max - min) : 0;
  }

  /**
   * Top-{@code k} blended lists per key among the candidate articles, in the
   * {@link SuggestionLists} shape ({@code keyCol, suggestions}). Sources weighing 0 are skipped.
   * Rows are grouped by key and each source's rows folded into a bounded top-{@link #DEPTH}
   * (memory per key bounded by the sources × DEPTH, no sort of a source's whole output).
   *
   * @throws IllegalArgumentException when every given source weighs 0
   */
  public static Dataset<Row> lists(List<SourceScores> sources, HybridWeights weights, String keyCol,
      String candidateCol, int k, Candidates candidates) {
    List<Double> partWeights = new ArrayList<>();
    List<String> partReasons = new ArrayList<>();
    Dataset<Row> rows = null;
    for (SourceScores s : sources) {
      double weight = weights.of(s.source());
      if (weight == 0) {
        continue;
      }
      Dataset<Row> part = s.rows().select(col(keyCol).as(KEY), col(candidateCol).as(CANDIDATE),
          col(SuggestionLists.SCORE).cast("double").as(SuggestionLists.SCORE), lit(partWeights.size()).as(SOURCE));
      partWeights.add(weight);
      partReasons.add(s.reason().wireName());
      rows = rows == null ? part : rows.unionByName(part);
    }
    if (rows == null) {
      throw new IllegalArgumentException("hybrid weights " + weights + " give every source of the " + keyCol
          + " lists (" + sources.stream().map(SourceScores::source).toList() + ") weight 0");
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
            tops[source] = new BoundedTopK(DEPTH);
          }
          tops[source].offer(r.getString(1), r.getDouble(2));
          r = sorted.hasNext() ? sorted.next() : null;
        }
        List<ListBlender.Part> parts = new ArrayList<>(weights.length);
        for (int s = 0; s < weights.length; s++) {
          if (tops[s] != null) {
            parts.add(new ListBlender.Part(weights[s], reasons[s], tops[s]));
          }
        }
        List<ListBlender.Item> items = ListBlender.blend(parts, k);
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
  public static Row listRow(String key, List<ListBlender.Item> items) {
    List<Row> structs = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      ListBlender.Item item = items.get(i);
      structs.add(RowFactory.create(i + 1, item.articleId(), item.score(), item.reason()));
    }
    // Encoders.row takes an array column as a Scala Seq, not a java.util.List.
    return RowFactory.create(key, CollectionConverters.asScala(structs).toSeq());
  }
}
