package com.eplly.ingest.privacy;

import com.eplly.contracts.privacy.ReaderKeys;
import com.eplly.contracts.redis.Keyspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Deletes erased readers' keys ({@link ReaderKeys}) from Redis: one pipelined round trip reads the
 * versions, the experiments and each reader's sessions, a second deletes every key (one DEL per key,
 * so that it also works on a Redis Cluster). Any Redis error throws; deleting again is harmless.
 */
@Component
public class ReaderDataEraser {

  /** Readers (or keys) per pipeline, so that a start-up replay of many erasures does not build one huge reply. */
  static final int CHUNK = 1000;

  private final UnifiedJedis redis;

  public ReaderDataEraser(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** Deletes every key of these readers; returns how many keys existed. */
  public long erase(Collection<String> readerIds) {
    List<String> readers = List.copyOf(readerIds);
    long deleted = 0;
    for (int from = 0; from < readers.size(); from += CHUNK) {
      deleted += eraseChunk(readers.subList(from, Math.min(readers.size(), from + CHUNK)));
    }
    return deleted;
  }

  /** The published versions, as {@link Keyspace#versions} lists them. */
  public List<String> versions() {
    return redis.zrange(Keyspace.versions(), 0, -1);
  }

  /** Deletes these readers' lists in one version (one published after their erasure); returns how many existed. */
  public long eraseReaderLists(String version, Collection<String> readerIds) {
    List<String> keys = new ArrayList<>(readerIds.size());
    readerIds.forEach(r -> keys.add(Keyspace.readerList(version, r)));
    return delete(keys);
  }

  private long eraseChunk(List<String> readers) {
    Response<List<String>> versions;
    Response<Set<String>> experiments;
    List<Response<List<String>>> sessions = new ArrayList<>(readers.size());
    try (AbstractPipeline p = redis.pipelined()) {
      versions = p.zrange(Keyspace.versions(), 0, -1);
      experiments = p.hkeys(Keyspace.experiments());
      readers.forEach(r -> sessions.add(p.zrange(Keyspace.readerSessions(r), 0, -1)));
      p.sync();
    }
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < readers.size(); i++) {
      keys.addAll(ReaderKeys.of(readers.get(i), sessions.get(i).get(), versions.get(), experiments.get()));
    }
    return delete(keys);
  }

  private long delete(List<String> keys) {
    long deleted = 0;
    for (int from = 0; from < keys.size(); from += CHUNK) {
      List<Response<Long>> replies = new ArrayList<>(CHUNK);
      try (AbstractPipeline p = redis.pipelined()) {
        keys.subList(from, Math.min(keys.size(), from + CHUNK)).forEach(k -> replies.add(p.del(k)));
        p.sync();
      }
      for (Response<Long> r : replies) {
        deleted += r.get();
      }
    }
    return deleted;
  }
}
