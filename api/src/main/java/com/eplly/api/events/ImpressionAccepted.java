package com.eplly.api.events;

/** The answer of an accepted {@code POST /v1/impressions}. */
public record ImpressionAccepted(String requestId) {}
