package com.eplly.recommender.train;

import com.eplly.recommender.als.CandidateFactors;
import com.eplly.recommender.als.ImplicitAlsModel;
import com.eplly.recommender.ease.EaseWeights;
import com.eplly.recommender.hybrid.BoundedTopK;
import com.eplly.recommender.hybrid.DatasetBlend;
import com.eplly.recommender.hybrid.BlendRule;
import com.eplly.recommender.hybrid.Source;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Blends one partition of reader rows ({@code readerId, items, features}) into their hybrid
 * lists in place: ALS over the broadcast candidate factors and EASE over the broadcast
 * weights, each skipping exactly what the reader read and keeping its top {@code depth}, then
 * {@link BlendRule}, so no per-source rows are ever shuffled or sorted.
 *
 * @param als            candidate factors, or null when ALS weighs 0
 * @param alsWeight      ALS's hybrid weight
 * @param ease           EASE weights, or null when ease weighs 0
 * @param easeWeight     ease's hybrid weight
 * @param candidates     the EASE articles that may be suggested, or null for any
 * @param depth          items each source contributes
 * @param k              suggestions kept per reader
 */
record ReaderScoring(Broadcast<CandidateFactors> als, double alsWeight, Broadcast<EaseWeights> ease,
    double easeWeight, Broadcast<Set<String>> candidates, int depth, int k)
    implements MapPartitionsFunction<Row, Row> {

  @Override
  public Iterator<Row> call(Iterator<Row> readers) {
    float[] scratch = als == null ? null : new float[als.value().articles()];
    List<Row> out = new ArrayList<>();
    while (readers.hasNext()) {
      Row r = readers.next();
      List<String> read = r.getList(1);
      List<BlendRule.Part> parts = new ArrayList<>(2);
      if (als != null && !r.isNullAt(2)) {
        parts.add(new BlendRule.Part(alsWeight, Source.ALS.reason().wireName(),
            als.value().top(ImplicitAlsModel.floats(r.getList(2)), read, depth, scratch)));
      }
      if (ease != null) {
        parts.add(new BlendRule.Part(easeWeight, Source.EASE.reason().wireName(), easeTop(read)));
      }
      List<BlendRule.Item> items = BlendRule.blend(parts, k);
      if (!items.isEmpty()) {
        out.add(DatasetBlend.listRow(r.getString(0), items));
      }
    }
    return out.iterator();
  }

  /**
   * EASE's top {@code depth} over all its articles, then restricted to the candidates (its
   * min and max taken over what is left), as when its rows were joined with the candidates.
   */
  private BoundedTopK easeTop(List<String> read) {
    Set<String> allowed = candidates == null ? null : candidates.value();
    List<BoundedTopK.Entry> kept = new ArrayList<>(depth);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (BoundedTopK.Entry e : ease.value().top(read, depth)) {
      if (allowed == null || allowed.contains(e.id())) {
        kept.add(e);
        min = Math.min(min, e.score());
        max = Math.max(max, e.score());
      }
    }
    return BoundedTopK.ofSelected(kept, kept.size(), min, max);
  }
}
