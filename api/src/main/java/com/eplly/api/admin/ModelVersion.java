package com.eplly.api.admin;

import java.time.Instant;
import java.util.Map;

/**
 * A published model version as the admin endpoints list it.
 *
 * @param version     the version name
 * @param publishedAt when it was registered in {@code Keyspace.versions()}
 * @param active      whether the api serves it now
 * @param expired     its keys expired (no meta hash): it can no longer be activated
 * @param meta        its meta hash (created, counts, params, train time); empty once expired
 */
public record ModelVersion(String version, Instant publishedAt, boolean active, boolean expired,
    Map<String, String> meta) {

  public ModelVersion {
    meta = Map.copyOf(meta);
  }
}
