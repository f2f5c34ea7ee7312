package com.eplly.recommender.train;

import com.eplly.recommender.hybrid.HybridWeights;
import java.time.Duration;
import java.util.Optional;

/**
 * How a training tunes itself: the newest {@code window} of its page views is held out, the
 * sources are fit on the {@code lookback} before it (zero: everything before it) and scored on at
 * most {@code maxQueries} of the window's queries; ALS is tried at the given parameters only
 * unless {@code alsGrid}; {@code weights}, when given ({@code --hybrid}), are kept instead of fit.
 * The {@code active} version (when one serves and its lists are in the model store) is replayed on
 * the same window's page views that neither version was trained on, for the quality gate.
 */
public record SelfTuning(Duration window, Duration lookback, int maxQueries, boolean alsGrid,
    Optional<HybridWeights> weights, Optional<String> active) {

  /**
   * The oldest page-view time tuning reads when the newest is {@code newestEvent}: the window's
   * cut-off minus the lookback, so the validation fit trains on exactly {@code lookback} of views.
   */
  public long firstKept(long newestEvent) {
    return lookback.isZero() ? Long.MIN_VALUE : newestEvent - window.toMillis() - lookback.toMillis();
  }
}
