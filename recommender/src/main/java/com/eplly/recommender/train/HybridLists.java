package com.eplly.recommender.train;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.hybrid.HybridBlend;
import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.hybrid.SourceScores;
import com.eplly.recommender.model.Candidates;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The lists {@code reco train} publishes: the fitted sources blended by {@link HybridBlend} with
 * the version's {@link HybridWeights}. Sources weighing 0 are not even scored.
 */
public final class HybridLists {

  private final FittedSources sources;
  private final HybridWeights weights;
  private final int k;
  private final Candidates candidates;
  private final Candidates alsCandidates;

  /**
   * @param candidates    what any list may suggest
   * @param alsMaxItems   ALS ranks only this many of the most popular candidates for every reader
   */
  public HybridLists(FittedSources sources, HybridWeights weights, int k, Candidates candidates, int alsMaxItems) {
    this.sources = sources;
    this.weights = weights;
    this.k = k;
    this.candidates = candidates;
    this.alsCandidates = candidates.within(mostPopular(sources, candidates, alsMaxItems));
  }

  /** Scoring every reader against every article grows with their product; news readers read what is current. */
  private static Dataset<Row> mostPopular(FittedSources sources, Candidates candidates, int n) {
    return candidates.restrict(sources.popularity().scores(), "articleId")
        .orderBy(col("score").desc(), col("articleId").asc())
        .limit(n)
        .select("articleId");
  }

  /**
   * Per article: co-visitation (read together), followed-by (read next), content similarity (so articles nobody has read
   * yet get a list) and item-item neighbours: {@code articleId, suggestions}.
   */
  public Dataset<Row> articleLists() {
    List<SourceScores> parts = new ArrayList<>();
    if (weights.of(HybridWeights.CO_VISITATION) > 0) {
      parts.add(new SourceScores(HybridWeights.CO_VISITATION, sources.coVisits().scores(), Reason.READ_TOGETHER));
    }
    if (weights.of(HybridWeights.FOLLOWED_BY) > 0) {
      parts.add(new SourceScores(HybridWeights.FOLLOWED_BY, sources.followedBy().neighbourScores(), Reason.READ_TOGETHER));
    }
    if (weights.of(HybridWeights.CONTENT) > 0 && sources.content().isPresent()) {
      parts.add(new SourceScores(HybridWeights.CONTENT,
          sources.content().get().setTopK(HybridBlend.DEPTH).neighbourScores(), Reason.SIMILAR_CONTENT));
    }
    if (weights.of(HybridWeights.EASE) > 0) {
      parts.add(new SourceScores(HybridWeights.EASE,
          sources.itemItem().neighbourScores(sources.coVisits().scores().sparkSession(), HybridBlend.DEPTH),
          Reason.READ_TOGETHER));
    }
    return HybridBlend.lists(parts, weights, "articleId", "neighbourId", k, candidates);
  }

  /**
   * Per reader, unread articles only: ALS (similar readers, among the most popular candidates) and
   * item-item scores of the reader's history in {@code views}: {@code readerId, suggestions}.
   */
  public Dataset<Row> readerLists(Dataset<Row> views) {
    List<SourceScores> parts = new ArrayList<>();
    if (weights.of(HybridWeights.ALS) > 0) {
      parts.add(new SourceScores(HybridWeights.ALS, sources.als().readerScores(HybridBlend.DEPTH, alsCandidates),
          Reason.SIMILAR_READERS));
    }
    if (weights.of(HybridWeights.EASE) > 0) {
      parts.add(new SourceScores(HybridWeights.EASE, sources.itemItem().readerScores(views, HybridBlend.DEPTH),
          Reason.READ_TOGETHER));
    }
    return HybridBlend.lists(parts, weights, "readerId", "articleId", k, candidates);
  }

  /** Fails before any fitting when a list kind would have no source at all. */
  public static void requireSources(HybridWeights weights) {
    if (weights.of(HybridWeights.CO_VISITATION) + weights.of(HybridWeights.FOLLOWED_BY) + weights.of(HybridWeights.CONTENT)
        + weights.of(HybridWeights.EASE) == 0) {
      throw new IllegalArgumentException("hybrid weights " + weights + " give every article-list source ("
          + HybridWeights.CO_VISITATION + ", " + HybridWeights.FOLLOWED_BY + ", " + HybridWeights.CONTENT + ", "
          + HybridWeights.EASE + ") weight 0");
    }
    if (weights.of(HybridWeights.ALS) + weights.of(HybridWeights.EASE) == 0) {
      throw new IllegalArgumentException("hybrid weights " + weights + " give every reader-list source ("
          + HybridWeights.ALS + ", " + HybridWeights.EASE + ") weight 0");
    }
  }
}
