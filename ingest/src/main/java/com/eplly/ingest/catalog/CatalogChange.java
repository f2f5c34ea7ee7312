package com.eplly.ingest.catalog;

import com.eplly.contracts.event.Article;

/** One change to the catalog read from the compacted {@code articles} topic. */
public sealed interface CatalogChange {

  String articleId();

  /** A new or updated article: replaces the whole hash. */
  record Upsert(Article article) implements CatalogChange {
    @Override
    public String articleId() {
      return article.articleId();
    }
  }

  /** A tombstone (null value): the article is gone from the catalog. */
  record Delete(String articleId) implements CatalogChange {}
}
