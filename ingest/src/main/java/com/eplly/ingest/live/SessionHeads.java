package com.eplly.ingest.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each session's newest article as this process last wrote it, so that most batches need not read
 * it back from Redis before counting co-visits. Page views are keyed by reader, so a session's
 * views reach one consumer; when partitions change owner everything is forgotten, because another
 * instance may have written the sessions meanwhile. An entry older than the session list's TTL is
 * ignored, as Redis will have dropped the list. Bounded: the least recently used entries go first.
 */
final class SessionHeads {

  private record Head(String articleId, long writtenAt) {}

  private final long ttlMs;
  private final Map<String, Head> heads;

  SessionHeads(int capacity, long ttlMs) {
    this.ttlMs = ttlMs;
    this.heads = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * Copies the known heads of {@code sessions} into {@code into}; returns the sessions unknown here,
   * whose heads must be read from Redis.
   */
  synchronized List<String> lookUp(Collection<String> sessions, long now, Map<String, String> into) {
    List<String> unknown = new ArrayList<>();
    for (String s : sessions) {
      Head h = heads.get(s);
      if (h != null && now - h.writtenAt() < ttlMs) {
        into.put(s, h.articleId());
      } else {
        unknown.add(s);
      }
    }
    return unknown;
  }

  /** Records the newest article of each session written at {@code now}. */
  synchronized void remember(Map<String, String> newest, long now) {
    newest.forEach((session, article) -> heads.put(session, new Head(article, now)));
  }

  /** Forgets everything (partitions changed owner). */
  synchronized void clear() {
    heads.clear();
  }
}
