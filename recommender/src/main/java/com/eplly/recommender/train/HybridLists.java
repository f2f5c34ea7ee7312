package com.eplly.recommender.train;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.hybrid.HybridBlend;
import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.hybrid.SourceScores;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import com.eplly.recommender.als.CandidateFactors;
import com.eplly.recommender.als.ImplicitAlsModel;
import com.eplly.recommender.ease.EaseWeights;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

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
   * Each reader's row is scored and blended in place ({@link ReaderScoring}) with the article
   * factors and item-item weights broadcast: per-source rows of every reader never exist.
   */
  public Dataset<Row> readerLists(Dataset<Row> views) {
    SparkSession spark = views.sparkSession();
    double alsWeight = weights.of(HybridWeights.ALS);
    double itemItemWeight = weights.of(HybridWeights.EASE);
    Broadcast<CandidateFactors> als = alsWeight > 0
        ? broadcast(spark, sources.als().candidateFactors(alsCandidates), CandidateFactors.class) : null;
    Broadcast<EaseWeights> itemItem = itemItemWeight > 0
        ? broadcast(spark, sources.itemItem().broadcastable(), EaseWeights.class) : null;
    Broadcast<Set<String>> itemItemCandidates = itemItemWeight > 0 && candidates.servable().isPresent()
        ? broadcast(spark, itemItemCandidates(spark), Set.class) : null;
    ReaderScoring scoring = new ReaderScoring(als, alsWeight, itemItem, itemItemWeight, itemItemCandidates,
        HybridBlend.DEPTH, k);
    return views.select(col("readerId"), col("articleId"))
        .transform(ImplicitAlsModel::histories)
        .transform(h -> alsWeight > 0 ? withFactors(h) : h.withColumn("features", lit(null).cast("array<float>")))
        // The rows are small but each costs thousands of multiply-adds: adaptive execution would
        // coalesce them into about as many partitions as cores (3 tasks on 2 cores left one core
        // idle for a third of the step), so spread them over more, smaller tasks.
        .repartition(4 * spark.sparkContext().defaultParallelism())
        .mapPartitions(scoring, Encoders.row(SuggestionLists.schema("readerId")));
  }

  /** {@code readerId, items, features}: readers without ALS factors keep null features. */
  private Dataset<Row> withFactors(Dataset<Row> histories) {
    return histories.join(sources.als().readerFactors(), new String[] {"readerId"}, "left")
        .select(col("readerId"), col("items"), col("features"));
  }

  /** The item-item articles that are candidates: at most its modelled articles, whatever the catalog. */
  private Set<String> itemItemCandidates(SparkSession spark) {
    var ease = sources.itemItem();
    List<Row> ids = new ArrayList<>(ease.items());
    for (int i = 0; i < ease.items(); i++) {
      ids.add(RowFactory.create(ease.label(i)));
    }
    Dataset<Row> modelled = spark.createDataFrame(ids, new StructType().add("articleId", "string"));
    Set<String> out = new HashSet<>();
    for (Row r : candidates.restrict(modelled, "articleId").collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> Broadcast<T> broadcast(SparkSession spark, T value, Class<?> type) {
    return spark.sparkContext().broadcast(value, (ClassTag<T>) ClassTag$.MODULE$.apply(type));
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
