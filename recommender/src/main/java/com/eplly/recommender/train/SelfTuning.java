package com.eplly.recommender.train;

import com.eplly.recommender.hybrid.HybridWeights;
import java.time.Duration;
import java.util.Optional;

/**
 * How a training tunes itself: the newest {@code window} of its page views is held out, the
 * sources are fit on what comes before and scored on at most {@code maxQueries} of the window's
 * queries; {@code weights}, when given ({@code --hybrid}), are kept instead of fit. The
 * {@code active} version (when one serves and its lists are in the model store) is replayed on
 * the same window's page views that neither version was trained on, for the quality gate.
 */
public record SelfTuning(Duration window, int maxQueries, Optional<HybridWeights> weights, Optional<String> active) {}
