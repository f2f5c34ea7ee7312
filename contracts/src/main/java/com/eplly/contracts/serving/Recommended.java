package com.eplly.contracts.serving;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Suggestion;

/** One chosen item: the candidate (id, score, reason) with the article it renders. */
public record Recommended(Suggestion suggestion, Article article) {}
