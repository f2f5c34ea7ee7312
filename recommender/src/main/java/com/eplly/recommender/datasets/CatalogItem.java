package com.eplly.recommender.datasets;

/**
 * What a dataset says about one item, for content similarity.
 *
 * @param itemId      the id interactions use
 * @param title       headline or name; may be empty
 * @param text        longer text (summary, genres); may be empty
 * @param category    section, genre or category code; may be empty
 * @param publishedAt epoch ms, or null when unknown
 */
public record CatalogItem(String itemId, String title, String text, String category, Long publishedAt) {}
