package com.eplly.contracts.event;

/** One ranked candidate in a model's output list: an article, its score and why. */
public record Suggestion(String articleId, double score, Reason reason) {}
