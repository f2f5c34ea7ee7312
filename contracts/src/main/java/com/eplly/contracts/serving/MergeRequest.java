package com.eplly.contracts.serving;

import java.util.Set;

/**
 * What the merge needs of one recommendation request.
 *
 * @param articleId the article being read, or null; never suggested
 * @param limit     how many items to return
 * @param exclude   articles the caller does not want (already on the page, say)
 */
public record MergeRequest(String articleId, int limit, Set<String> exclude) {

  public MergeRequest {
    exclude = Set.copyOf(exclude);
  }
}
