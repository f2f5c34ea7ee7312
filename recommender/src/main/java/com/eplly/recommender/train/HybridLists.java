package com.eplly.recommender.train;

import com.eplly.recommender.hybrid.BlendRule;
import com.eplly.recommender.hybrid.DatasetBlend;
import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.hybrid.Source;
import com.eplly.recommender.hybrid.SourceScoreRows;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import com.eplly.recommender.als.CandidateFactors;
import com.eplly.recommender.als.ImplicitAlsModel;
import com.eplly.recommender.ease.EaseModel;
import com.eplly.recommender.ease.EaseWeights;
import com.eplly.recommender.publish.ListKind;
import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.NEIGHBOUR_ID;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.SCORE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.LinkedHashMap;
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
 * The lists {@code reco train} publishes: the fitted sources blended by {@link DatasetBlend} with
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
    return candidates.restrict(sources.popularity().scores(), ARTICLE_ID)
        .orderBy(col(SCORE).desc(), col(ARTICLE_ID).asc())
        .limit(n)
        .select(ARTICLE_ID);
  }

  /**
   * Per article: co-visitation (read together), followed-by (read next), content similarity (so articles nobody has read
   * yet get a list) and ease neighbours: {@code articleId, suggestions}.
   */
  public Dataset<Row> articleLists() {
    List<SourceScoreRows> parts = new ArrayList<>();
    if (weights.of(Source.CO_VISITATION) > 0) {
      parts.add(new SourceScoreRows(Source.CO_VISITATION, sources.coVisits().scores()));
    }
    if (weights.of(Source.FOLLOWED_BY) > 0) {
      parts.add(new SourceScoreRows(Source.FOLLOWED_BY, sources.followedBy().neighbourScores()));
    }
    if (weights.of(Source.CONTENT) > 0 && sources.content().isPresent()) {
      parts.add(new SourceScoreRows(Source.CONTENT, sources.content().get().setTopK(BlendRule.DEPTH).neighbourScores()));
    }
    if (weights.of(Source.EASE) > 0) {
      parts.add(new SourceScoreRows(Source.EASE,
          sources.ease().neighbourScores(sources.coVisits().scores().sparkSession(), BlendRule.DEPTH)));
    }
    return DatasetBlend.lists(parts, weights, ARTICLE_ID, NEIGHBOUR_ID, k, candidates);
  }

  /**
   * Per reader, unread articles only: ALS (similar readers, among the most popular candidates) and
   * ease scores of the reader's history in {@code views}: {@code readerId, suggestions}.
   * Each reader's row is scored and blended in place ({@link ReaderScoring}) with the article
   * factors and ease weights broadcast: per-source rows of every reader never exist.
   */
  public Dataset<Row> readerLists(Dataset<Row> views) {
    SparkSession spark = views.sparkSession();
    double alsWeight = weights.of(Source.ALS);
    double easeWeight = weights.of(Source.EASE);
    Broadcast<CandidateFactors> als = alsWeight > 0
        ? broadcast(spark, sources.als().candidateFactors(alsCandidates), CandidateFactors.class) : null;
    Broadcast<EaseWeights> ease = easeWeight > 0
        ? broadcast(spark, sources.ease().broadcastable(), EaseWeights.class) : null;
    Broadcast<Set<String>> easeCandidates = easeWeight > 0 && candidates.servable().isPresent()
        ? broadcast(spark, easeCandidates(spark), Set.class) : null;
    ReaderScoring scoring = new ReaderScoring(als, alsWeight, ease, easeWeight, easeCandidates,
        BlendRule.DEPTH, k);
    return views.select(col(READER_ID), col(ARTICLE_ID))
        .transform(ImplicitAlsModel::histories)
        .transform(h -> alsWeight > 0 ? withFactors(h) : h.withColumn("features", lit(null).cast("array<float>")))
        // The rows are small but each costs thousands of multiply-adds: adaptive execution would
        // coalesce them into about as many partitions as cores (3 tasks on 2 cores left one core
        // idle for a third of the step), so spread them over more, smaller tasks.
        .repartition(4 * spark.sparkContext().defaultParallelism())
        .mapPartitions(scoring, Encoders.row(SuggestionLists.schema(READER_ID)));
  }

  /** {@code readerId, items, features}: readers without ALS factors keep null features. */
  private Dataset<Row> withFactors(Dataset<Row> histories) {
    return histories.join(sources.als().readerFactors(), new String[] {READER_ID}, "left")
        .select(col(READER_ID), col("items"), col("features"));
  }

  /** The ease articles that are candidates: at most its modelled articles, whatever the catalog. */
  private Set<String> easeCandidates(SparkSession spark) {
    EaseModel ease = sources.ease();
    List<Row> ids = new ArrayList<>(ease.items());
    for (int i = 0; i < ease.items(); i++) {
      ids.add(RowFactory.create(ease.label(i)));
    }
    Dataset<Row> modelled = spark.createDataFrame(ids, new StructType().add(ARTICLE_ID, "string"));
    Set<String> out = new HashSet<>();
    for (Row r : candidates.restrict(modelled, ARTICLE_ID).collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> Broadcast<T> broadcast(SparkSession spark, T value, Class<?> type) {
    return spark.sparkContext().broadcast(value, (ClassTag<T>) ClassTag$.MODULE$.apply(type));
  }

  /** Fails before any fitting when a list kind would have no source at all. */
  /**
   * {@code fitted}, with every kind of list still fed: a kind whose sources all weigh 0 (a fit on
   * article pages, say, has no use for the reader lists' ALS) takes {@code fallback}'s weights for
   * those of its sources no other kind blends (or for all of them when there are none).
   */
  public static HybridWeights everyListFed(HybridWeights fitted, HybridWeights fallback) {
    Map<String, Double> out = new LinkedHashMap<>(fitted.weights());
    for (ListKind kind : ListKind.values()) {
      Set<Source> blended = Source.blendedInto(kind);
      if (blended.stream().allMatch(s -> fitted.of(s) == 0)) {
        Set<Source> own = blended.stream().filter(s -> s.lists().size() == 1).collect(Collectors.toSet());
        for (Source s : own.isEmpty() ? blended : own) {
          out.put(s.label(), fallback.of(s) > 0 ? fallback.of(s) : 1.0);
        }
      }
    }
    return new HybridWeights(out);
  }

  public static void requireSources(HybridWeights weights) {
    for (ListKind kind : ListKind.values()) {
      Set<Source> blended = Source.blendedInto(kind);
      if (blended.stream().allMatch(s -> weights.of(s) == 0)) {
        throw new IllegalArgumentException("hybrid weights " + weights + " give every " + kind.name().toLowerCase(Locale.ROOT)
            + "-list source " + blended + " weight 0");
      }
    }
  }
}
