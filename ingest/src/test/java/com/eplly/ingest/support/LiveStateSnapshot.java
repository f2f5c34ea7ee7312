package com.eplly.ingest.support;

import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Every live-state key's content (lists in order, sorted sets with scores), to compare two runs. */
public final class LiveStateSnapshot {

  private LiveStateSnapshot() {}

  /** Lists and sorted sets by key; hashes (the offset watermarks) differ between runs by design. */
  public static Map<String, Object> of(UnifiedJedis redis) {
    Map<String, Object> state = new TreeMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, new ScanParams().count(500));
      for (String key : page.getResult()) {
        switch (redis.type(key)) {
          case "list" -> state.put(key, redis.lrange(key, 0, -1));
          case "zset" -> state.put(key, redis.zrangeWithScores(key, 0, -1));
          default -> { }
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return state;
  }
}
