package com.eplly.ingest.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each session's recent reads as this process last wrote them (the newest article, and hashes of
 * the last few), so that most batches need not read the session list back from Redis to count
 * co-visits. Page views are keyed by reader, so a session's views reach one consumer; everything
 * is forgotten when partitions change owner or a batch fails, because Redis may then hold what this
 * memory missed. Entries older than the session list's TTL are ignored, as Redis dropped the list.
 * Bounded: the least recently used entries go first.
 */
final class SessionMemory {

  /** A session's newest article and the hashes of its recent articles, newest first. */
  record Recent(String head, long[] hashes) {

    static final Recent EMPTY = new Recent(null, new long[0]);

    /** From a session list as Redis holds it (newest first). */
    static Recent of(List<String> newestFirst) {
      if (newestFirst.isEmpty()) {
        return EMPTY;
      }
      return new Recent(newestFirst.get(0), newestFirst.stream().mapToLong(Recent::hash).toArray());
    }

    boolean contains(String articleId) {
      long h = hash(articleId);
      for (long x : hashes) {
        if (x == h) {
          return true;
        }
      }
      return false;
    }

    /** This session after reading {@code articleId}, keeping the newest {@code cap} reads. */
    Recent push(String articleId, int cap) {
      long[] next = new long[Math.min(cap, hashes.length + 1)];
      next[0] = hash(articleId);
      System.arraycopy(hashes, 0, next, 1, next.length - 1);
      return new Recent(articleId, next);
    }

    // 64-bit FNV-1a: 8 bytes per remembered read instead of a String, collisions negligible among ~20 ids.
    static long hash(String s) {
      long h = 0xcbf29ce484222325L;
      for (int i = 0; i < s.length(); i++) {
        h ^= s.charAt(i);
        h *= 0x100000001b3L;
      }
      return h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Recent r && java.util.Objects.equals(head, r.head) && Arrays.equals(hashes, r.hashes);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Objects.hashCode(head) + Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
      return "Recent[head=" + head + ", reads=" + hashes.length + "]";
    }
  }

  private record Entry(Recent recent, long writtenAt) {}

  private final long ttlMs;
  private final Map<String, Entry> sessions;

  SessionMemory(int capacity, long ttlMs) {
    this.ttlMs = ttlMs;
    this.sessions = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * Copies what is known of {@code ids} into {@code into}; returns the sessions unknown here, whose
   * lists must be read from Redis.
   */
  synchronized List<String> lookUp(Collection<String> ids, long now, Map<String, Recent> into) {
    List<String> unknown = new ArrayList<>();
    for (String s : ids) {
      Entry e = sessions.get(s);
      if (e != null && now - e.writtenAt() < ttlMs) {
        into.put(s, e.recent());
      } else {
        unknown.add(s);
      }
    }
    return unknown;
  }

  /** Records the sessions' state as written at {@code now}. */
  synchronized void remember(Map<String, Recent> written, long now) {
    written.forEach((session, recent) -> sessions.put(session, new Entry(recent, now)));
  }

  /** Forgets everything. */
  synchronized void clear() {
    sessions.clear();
  }
}
