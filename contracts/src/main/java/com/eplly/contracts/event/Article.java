package com.eplly.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A catalog entry: what the portal publishes on the compacted {@code articles} topic.
 *
 * @param articleId   stable id, also the Kafka key
 * @param title       headline shown in the "You Might Like" block
 * @param url         where the portal serves it
 * @param category    section, lower case (science, health, politics, …)
 * @param publishedAt epoch milliseconds
 * @param summary     optional lead or body text, used for content similarity
 * @param tags        optional keywords, never null (empty when absent)
 * @param expiresAt   epoch milliseconds after which it must not be suggested, or null
 * @param hidden      withdrawn by the newsroom: never suggest it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(
    String articleId,
    String title,
    String url,
    String category,
    long publishedAt,
    String summary,
    List<String> tags,
    Long expiresAt,
    boolean hidden) {

  public Article {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** Whether the article may be shown to readers at the given instant. */
  public boolean servableAt(long epochMs) {
    return !hidden && (expiresAt == null || expiresAt > epochMs);
  }
}
