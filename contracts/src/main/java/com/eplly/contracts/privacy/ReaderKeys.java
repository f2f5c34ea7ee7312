package com.eplly.contracts.privacy;

import com.eplly.contracts.redis.Keyspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every Redis key that holds a reader's data: their recent reads, their sessions and those sessions'
 * recent reads, their list in each published version, and the experiment unit markers of the reader
 * and of their sessions. The one place that says what erasing a reader deletes (ingest) and what
 * an export shows (api).
 */
public final class ReaderKeys {

  private ReaderKeys() {}

  /**
   * @param sessions    the reader's sessions ({@link Keyspace#readerSessions})
   * @param versions    the published versions ({@link Keyspace#versions})
   * @param experiments the experiments' names ({@link Keyspace#experiments})
   */
  public static List<String> of(String readerId, Collection<String> sessions, Collection<String> versions,
      Collection<String> experiments) {
    List<String> keys = new ArrayList<>(2 + sessions.size() * (1 + experiments.size()) + versions.size()
        + experiments.size());
    keys.add(Keyspace.readerRecent(readerId));
    keys.add(Keyspace.readerSessions(readerId));
    for (String session : sessions) {
      keys.add(Keyspace.sessionRecent(session));
    }
    for (String version : versions) {
      keys.add(Keyspace.readerList(version, readerId));
    }
    for (String experiment : experiments) {
      keys.add(Keyspace.experimentUnit(experiment, readerId));
      for (String session : sessions) {
        keys.add(Keyspace.experimentUnit(experiment, session));
      }
    }
    return keys;
  }
}
