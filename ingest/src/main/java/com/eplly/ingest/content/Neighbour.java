package com.eplly.ingest.content;

/** One content neighbour of an article: another indexed article and their cosine similarity in (0, 1]. */
public record Neighbour(String articleId, double score) {}
