package com.eplly.recommender.train;

import com.eplly.recommender.als.ImplicitAls;
import com.eplly.recommender.covisit.CoVisitation;
import com.eplly.recommender.content.ContentSimilarity;
import com.eplly.recommender.ease.Ease;
import com.eplly.recommender.hybrid.Source;
import com.eplly.recommender.popularity.RecencyPopularity;
import com.eplly.recommender.sequence.FollowedBy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds each candidate source's estimator from {@link TrainParams}: the one configuration that
 * {@code reco train} and {@code reco evaluate} share, and {@code reco train}'s fit of them all.
 */
public final class SourceEstimators {

  private SourceEstimators() {}

  public static CoVisitation coVisitation(TrainParams p, long referenceTime) {
    return new CoVisitation().setWindow(p.covisitWindow()).setHalfLifeMs(p.covisitHalfLife().toMillis())
        .setReferenceTime(referenceTime);
  }

  /** Shares co-visitation's window and half-life: both read the same session pairs. */
  public static FollowedBy followedBy(TrainParams p, long referenceTime) {
    return new FollowedBy().setWindow(p.covisitWindow()).setHalfLifeMs(p.covisitHalfLife().toMillis())
        .setReferenceTime(referenceTime);
  }

  public static ImplicitAls als(TrainParams p) {
    return new ImplicitAls().setRank(p.alsRank()).setMaxIter(p.alsIterations()).setRegParam(p.alsRegParam())
        .setAlpha(p.alsAlpha()).setDwellWeight(p.dwellWeight());
  }

  public static RecencyPopularity popularity(TrainParams p, long referenceTime) {
    return new RecencyPopularity().setHalfLifeMs(p.popularityHalfLife().toMillis()).setReferenceTime(referenceTime);
  }

  public static Ease ease(TrainParams p) {
    return new Ease().setLambda(p.easeLambda()).setMaxItems(p.easeMaxItems());
  }

  public static ContentSimilarity content(TrainParams p) {
    return new ContentSimilarity();
  }

  /**
   * Fits every source on {@code views} (and the content model on {@code catalog}, when there is
   * one), timing each.
   */
  public static FittedSources fit(Dataset<Row> views, Optional<Dataset<Row>> catalog, TrainParams p,
      long referenceTime) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    var coVisits = timed(seconds, Source.CO_VISITATION, () -> coVisitation(p, referenceTime).fit(views).setTopK(p.k()));
    var followedBy = timed(seconds, Source.FOLLOWED_BY, () -> followedBy(p, referenceTime).fit(views).setTopK(p.k()));
    var als = timed(seconds, Source.ALS, () -> als(p).fit(views));
    var popularity = timed(seconds, Source.POPULARITY, () -> popularity(p, referenceTime).fit(views));
    var ease = timed(seconds, Source.EASE, () -> ease(p).fit(views));
    var content = catalog.map(c -> timed(seconds, Source.CONTENT, () -> content(p).fit(c).setTopK(p.k())));
    return new FittedSources(coVisits, followedBy, als, popularity, ease, content, seconds);
  }

  private static <T> T timed(Map<String, Double> seconds, Source source, Supplier<T> fit) {
    long start = System.nanoTime();
    T model = fit.get();
    seconds.put(source.label(), (System.nanoTime() - start) / 1e9);
    return model;
  }
}
