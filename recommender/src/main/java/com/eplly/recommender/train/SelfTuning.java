package com.eplly.recommender.train;

import com.eplly.recommender.hybrid.HybridWeights;
import java.time.Duration;
import java.util.Optional;

/**
 * How a training tunes itself: the newest {@code window} of its page views is held out, the
 * sources are fit on what comes before and scored on at most {@code maxQueries} of the window's
 * queries; {@code weights}, when given ({@code --hybrid}), are kept instead of fit.
 */
public record SelfTuning(Duration window, int maxQueries, Optional<HybridWeights> weights) {}
