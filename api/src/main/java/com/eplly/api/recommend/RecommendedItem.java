package com.eplly.api.recommend;

import com.eplly.contracts.serving.Recommended;
/** One item of the recommendation answer, as the portal renders it. */
public record RecommendedItem(String articleId, String title, String url, double score, String reason) {

  static RecommendedItem of(Recommended r) {
    return new RecommendedItem(
        r.article().articleId(), r.article().title(), r.article().url(),
        r.suggestion().score(), r.suggestion().reason().wireName());
  }
}
