package com.eplly.api.recommend;

import java.util.List;

/**
 * The answer of {@code GET /v1/recommendations}.
 *
 * @param items        suggestions, best first
 * @param modelVersion the model version they came from, or null when none is published
 * @param degraded     true when Redis failed and a last-known snapshot was served
 */
public record RecommendationResponse(List<RecommendedItem> items, String modelVersion, boolean degraded) {}
