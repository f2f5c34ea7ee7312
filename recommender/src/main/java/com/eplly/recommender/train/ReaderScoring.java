package com.eplly.recommender.train;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.als.CandidateFactors;
import com.eplly.recommender.als.ImplicitAlsModel;
import com.eplly.recommender.ease.EaseWeights;
import com.eplly.recommender.hybrid.BoundedTopK;
import com.eplly.recommender.hybrid.HybridBlend;
import com.eplly.recommender.hybrid.ListBlender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Blends one partition of reader rows ({@code readerId, items, features}) into their hybrid
 * lists in place: ALS over the broadcast candidate factors and item-item over the broadcast
 * weights, each skipping exactly what the reader read and keeping its top {@code depth}, then
 * {@link ListBlender}, so no per-source rows are ever shuffled or sorted.
 *
 * @param als            candidate factors, or null when ALS weighs 0
 * @param alsWeight      ALS's hybrid weight
 * @param itemItem       item-item weights, or null when item-item weighs 0
 * @param itemItemWeight item-item's hybrid weight
 * @param candidates     the item-item articles that may be suggested, or null for any
 * @param depth          items each source contributes
 * @param k              suggestions kept per reader
 */
record ReaderScoring(Broadcast<CandidateFactors> als, double alsWeight, Broadcast<EaseWeights> itemItem,
    double itemItemWeight, Broadcast<Set<String>> candidates, int depth, int k)
    implements MapPartitionsFunction<Row, Row> {

  @Override
  public Iterator<Row> call(Iterator<Row> readers) {
    float[] scratch = als == null ? null : new float[als.value().articles()];
    List<Row> out = new ArrayList<>();
    while (readers.hasNext()) {
      Row r = readers.next();
      List<String> read = r.getList(1);
      List<ListBlender.Part> parts = new ArrayList<>(2);
      if (als != null && !r.isNullAt(2)) {
        parts.add(new ListBlender.Part(alsWeight, Reason.SIMILAR_READERS.wireName(),
            als.value().top(ImplicitAlsModel.floats(r.getList(2)), read, depth, scratch)));
      }
      if (itemItem != null) {
        parts.add(new ListBlender.Part(itemItemWeight, Reason.READ_TOGETHER.wireName(), itemItemTop(read)));
      }
      List<ListBlender.Item> items = ListBlender.blend(parts, k);
      if (!items.isEmpty()) {
        out.add(HybridBlend.listRow(r.getString(0), items));
      }
    }
    return out.iterator();
  }

  /**
   * Item-item's top {@code depth} over all its articles, then restricted to the candidates (its
   * min and max taken over what is left), as when its rows were joined with the candidates.
   */
  private BoundedTopK itemItemTop(List<String> read) {
    Set<String> allowed = candidates == null ? null : candidates.value();
    List<BoundedTopK.Entry> kept = new ArrayList<>(depth);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (BoundedTopK.Entry e : itemItem.value().top(read, depth)) {
      if (allowed == null || allowed.contains(e.id())) {
        kept.add(e);
        min = Math.min(min, e.score());
        max = Math.max(max, e.score());
      }
    }
    return BoundedTopK.ofSelected(kept, kept.size(), min, max);
  }
}
