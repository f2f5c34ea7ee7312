package com.eplly.contracts.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * The published versions in Redis and the active pointer the api serves: register, list,
 * activate, roll back. Shared by the recommender CLI and the api's admin endpoints so that both
 * follow the same rules.
 */
public final class VersionRegistry {

  /** Newest versions kept in {@code Keyspace.versions()}; older entries are trimmed (their keys expire by TTL). */
  public static final int KEEP = 20;

  private final UnifiedJedis redis;

  public VersionRegistry(UnifiedJedis redis) {
    this.redis = redis;
  }

  public Optional<String> active() {
    return Optional.ofNullable(redis.get(Keyspace.activeVersion()));
  }

  /** Adds a fully written version to the list, scored by publish time, and trims the list. */
  public void register(String version, Instant publishedAt) {
    try (AbstractPipeline p = redis.pipelined()) {
      Response<Long> added = p.zadd(Keyspace.versions(), publishedAt.toEpochMilli(), version);
      Response<Long> trimmed = p.zremrangeByRank(Keyspace.versions(), 0, -(KEEP + 1));
      p.sync();
      added.get();
      trimmed.get();
    }
  }

  /** Published versions, newest first. */
  public List<PublishedVersion> published() {
    String active = active().orElse(null);
    List<Tuple> entries = redis.zrevrangeWithScores(Keyspace.versions(), 0, -1);
    List<Response<Map<String, String>>> metas = new ArrayList<>(entries.size());
    try (AbstractPipeline p = redis.pipelined()) {
      for (Tuple t : entries) {
        metas.add(p.hgetAll(Keyspace.versionMeta(t.getElement())));
      }
      p.sync();
    }
    List<PublishedVersion> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Tuple t = entries.get(i);
      out.add(new PublishedVersion(t.getElement(), Instant.ofEpochMilli((long) t.getScore()),
          metas.get(i).get(), t.getElement().equals(active)));
    }
    return out;
  }

  /** Points the api at a version whose keys still exist. */
  public void activate(String version) {
    if (!redis.exists(Keyspace.versionMeta(version))) {
      throw new RegistryException(RegistryException.Kind.UNKNOWN_VERSION, "version " + version + " is not published or has expired (no "
          + Keyspace.versionMeta(version) + " in Redis)");
    }
    redis.set(Keyspace.activeVersion(), version);
  }

  /**
   * Activates the version published just before the active one that still has its meta.
   *
   * @return the version now active
   */
  public String rollback() {
    String current = active().orElseThrow(() -> new RegistryException(RegistryException.Kind.NOTHING_TO_ROLL_BACK, "no active version to roll back from"));
    List<PublishedVersion> versions = published();
    PublishedVersion currentEntry = versions.stream().filter(PublishedVersion::active).findFirst()
        .orElseThrow(() -> new RegistryException(RegistryException.Kind.NOTHING_TO_ROLL_BACK, "active version " + current + " is not in "
            + Keyspace.versions() + "; use 'activate' to pick a version"));
    PublishedVersion previous = versions.stream()
        .filter(v -> v.publishedAt().isBefore(currentEntry.publishedAt()) && !v.expired())
        .findFirst()
        .orElseThrow(() -> new RegistryException(RegistryException.Kind.NOTHING_TO_ROLL_BACK, "no version published before " + current
            + " is still available; nothing to roll back to"));
    activate(previous.version());
    return previous.version();
  }
}
