package com.eplly.contracts.content;

/** One content neighbour of an article: another article and their TF-IDF cosine similarity in (0, 1]. */
public record ContentNeighbour(String articleId, double score) {}
