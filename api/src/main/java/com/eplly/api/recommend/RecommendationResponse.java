package com.eplly.api.recommend;

import java.util.List;

/**
 * The answer of {@code GET /v1/recommendations}.
 *
 * @param requestId    this answer's id (UUID): the served event, the viewable impression and the
 *                     clicks of its block carry it, which is what attributes them to one another
 * @param items        suggestions, best first; an item's position is its index + 1
 * @param modelVersion the model version they came from, or null when none is published
 * @param degraded     true when Redis failed and a last-known snapshot was served
 * @param experiment   the running experiment the reader or session is in, or null
 * @param arm          that experiment's arm which answered, or null
 */
public record RecommendationResponse(
    String requestId, List<RecommendedItem> items, String modelVersion, boolean degraded,
    String experiment, String arm) {}
