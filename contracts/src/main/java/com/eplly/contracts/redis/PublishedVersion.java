package com.eplly.contracts.redis;

import java.time.Instant;
import java.util.Map;

/** A version listed in {@code Keyspace.versions()}, with its meta hash (empty once expired). */
public record PublishedVersion(String version, Instant publishedAt, Map<String, String> meta, boolean active) {

  public PublishedVersion {
    meta = Map.copyOf(meta);
  }

  /** Its keys expired (or were deleted): it can no longer be activated. */
  public boolean expired() {
    return meta.isEmpty();
  }
}
