package com.eplly.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What one {@code /v1/recommendations} answer served: the denominator side of attribution, published
 * by the api whether or not the block is ever seen.
 *
 * @param requestId  the answer's id (UUID), as the response and later clicks carry it
 * @param timestamp  when it was answered, epoch milliseconds
 * @param readerId   the reader asked for, or null
 * @param sessionId  the session asked for, or null
 * @param articleId  the article being read, or null
 * @param version    the model version served, or null when none is published
 * @param experiment the running experiment the unit is in, or null
 * @param arm        the experiment's arm that answered, or null (set exactly when experiment is)
 * @param degraded   true when served from the last-known snapshot
 * @param items      the block, top first, positions 1..n
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "requestId", "timestamp", "readerId", "sessionId", "articleId", "version",
    "experiment", "arm", "degraded", "items"})
public record ServedEvent(
    String requestId,
    long timestamp,
    String readerId,
    String sessionId,
    String articleId,
    String version,
    String experiment,
    String arm,
    boolean degraded,
    List<ServedItem> items) implements ImpressionEvent {

  public static final String KIND = "served";

  public ServedEvent {
    items = items == null ? List.of() : List.copyOf(items);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
