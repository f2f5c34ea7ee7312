package com.eplly.api.admin;

import com.eplly.api.errors.ConflictException;
import com.eplly.api.errors.NotFoundException;
import com.eplly.contracts.redis.Keyspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * Published versions and the active pointer, for the admin endpoints. Same rules as the
 * recommender's {@code VersionRegistry} (which the CLI uses): only a version whose meta hash still
 * exists can be activated, and rollback goes to the newest version published before the active one
 * that still has its meta.
 */
@Component
public class ModelRegistry {

  private final RedisClient redis;

  public ModelRegistry(RedisClient redis) {
    this.redis = redis;
  }

  /** Published versions, newest first, with their meta; throws when Redis is unreachable. */
  public ModelVersions list() {
    String active = redis.get(Keyspace.activeVersion());
    List<Tuple> entries = redis.zrevrangeWithScores(Keyspace.versions(), 0, -1);
    List<Response<Map<String, String>>> metas = new ArrayList<>(entries.size());
    try (Pipeline p = redis.pipelined()) {
      for (Tuple t : entries) {
        metas.add(p.hgetAll(Keyspace.versionMeta(t.getElement())));
      }
      p.sync();
    }
    List<ModelVersion> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Tuple t = entries.get(i);
      Map<String, String> meta = metas.get(i).get();
      out.add(new ModelVersion(t.getElement(), Instant.ofEpochMilli((long) t.getScore()),
          t.getElement().equals(active), meta.isEmpty(), meta));
    }
    return new ModelVersions(active, out);
  }

  /** Points the api at a version whose keys still exist. */
  public ActivationResult activate(String version) {
    String previous = redis.get(Keyspace.activeVersion());
    if (!redis.exists(Keyspace.versionMeta(version))) {
      throw new NotFoundException("version " + version + " is not published or has expired (no "
          + Keyspace.versionMeta(version) + " in Redis)");
    }
    redis.set(Keyspace.activeVersion(), version);
    return new ActivationResult(version, previous);
  }

  /** Activates the version published just before the active one that still has its meta. */
  public ActivationResult rollback() {
    ModelVersions all = list();
    String current = all.active();
    if (current == null) {
      throw new ConflictException("no active version to roll back from");
    }
    ModelVersion currentEntry = all.versions().stream().filter(ModelVersion::active).findFirst()
        .orElseThrow(() -> new ConflictException("active version " + current + " is not in "
            + Keyspace.versions() + "; use activate to pick a version"));
    ModelVersion previous = all.versions().stream()
        .filter(v -> v.publishedAt().isBefore(currentEntry.publishedAt()) && !v.expired())
        .findFirst()
        .orElseThrow(() -> new ConflictException("no version published before " + current
            + " is still available; nothing to roll back to"));
    return activate(previous.version());
  }
}
