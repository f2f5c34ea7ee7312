package com.eplly.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A served block that was seen: at least half of it on screen for one continuous second (the
 * IAB/MRC display standard), reported once per requestId by the widget. The denominator of
 * click-through: CTR = clicks / viewable impressions, per arm and, through {@code articleIds}, per
 * position.
 *
 * @param requestId  the answer whose block was seen (UUID)
 * @param timestamp  when it became viewable, epoch milliseconds
 * @param readerId   the reader
 * @param sessionId  the reader's browsing session
 * @param articleIds the block's articles as shown, top first: the item at index i had position i + 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "requestId", "timestamp", "readerId", "sessionId", "articleIds"})
public record ViewableImpression(
    String requestId, long timestamp, String readerId, String sessionId, List<String> articleIds)
    implements ImpressionEvent {

  public static final String KIND = "viewable";

  public ViewableImpression {
    articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
