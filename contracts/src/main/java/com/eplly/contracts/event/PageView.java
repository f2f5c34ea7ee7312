package com.eplly.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One article read by one reader: the event that flows from the portal through Kafka to the lake.
 *
 * @param eventId           UUID chosen by the sender, so that retries and replays can be deduplicated
 * @param readerId          pseudonymous reader id
 * @param articleId         the article that was opened
 * @param sessionId         the reader's browsing session
 * @param timestamp         when the article was opened, epoch milliseconds
 * @param referrerArticleId the article whose "You Might Like" block was clicked, or null
 * @param dwellMs           time spent on the article in milliseconds, or null when unknown
 * @param requestId         the {@code /v1/recommendations} answer whose block was clicked, or null (old
 *                          clients, or a page view that is no click): attributes the click to what was served
 * @param position          the clicked item's 1-based position in that block, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageView(
    String eventId,
    String readerId,
    String articleId,
    String sessionId,
    long timestamp,
    String referrerArticleId,
    Long dwellMs,
    String requestId,
    Integer position) {

  /** A page view without attribution: what clients before {@code requestId} and {@code position} send. */
  public PageView(
      String eventId, String readerId, String articleId, String sessionId, long timestamp,
      String referrerArticleId, Long dwellMs) {
    this(eventId, readerId, articleId, sessionId, timestamp, referrerArticleId, dwellMs, null, null);
  }

  /** True when the reader got here by clicking one of our suggestions. */
  public boolean fromSuggestion() {
    return referrerArticleId != null;
  }
}
