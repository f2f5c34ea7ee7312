package com.eplly.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A record of the {@code impressions} topic: what one recommendation answer served, or that its
 * block was seen. Both carry the answer's {@code requestId}, which clicks (page views) carry too.
 */
public sealed interface ImpressionEvent permits ServedEvent, ViewableImpression {

  /** The {@code /v1/recommendations} answer this event is about (UUID). */
  String requestId();

  /** When it happened, epoch milliseconds. */
  long timestamp();

  /** The wire discriminator: {@value ServedEvent#KIND} or {@value ViewableImpression#KIND}. */
  @JsonProperty("kind")
  String kind();
}
