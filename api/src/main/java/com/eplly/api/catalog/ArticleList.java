package com.eplly.api.catalog;

import com.eplly.contracts.event.Article;
import java.util.List;

/** The answer of {@code GET /v1/articles}: the newest servable articles, newest first. */
public record ArticleList(List<Article> items) {}
