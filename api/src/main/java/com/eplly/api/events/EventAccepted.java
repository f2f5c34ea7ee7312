package com.eplly.api.events;

/** The answer of an accepted {@code POST /v1/events}. */
public record EventAccepted(String eventId) {}
