package com.eplly.ingest.live;

import com.eplly.contracts.event.PageView;

/** A valid page view with the Kafka position it was read from, which makes its live update idempotent. */
public record LiveEvent(int partition, long offset, PageView view) {}
