package com.eplly.ingest.live;

import com.eplly.contracts.redis.Keyspace;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Which watermark hash guards a live-state key. A script may only touch keys of one hash slot on a
 * Redis Cluster, so there each slot gets its own watermark, named with a hash tag that lands in that
 * slot; on one server a single watermark guards every key and a chunk is one script call.
 */
final class WatermarkShards {

  private static final String SINGLE = "all";
  private static final int SLOTS = 16384;

  private final String[] tagBySlot;

  private WatermarkShards(String[] tagBySlot) {
    this.tagBySlot = tagBySlot;
  }

  /** One watermark for everything (a single Redis server). */
  static WatermarkShards single() {
    return new WatermarkShards(null);
  }

  /** One watermark per hash slot (a Redis Cluster). */
  static WatermarkShards perSlot() {
    String[] tags = new String[SLOTS];
    int found = 0;
    // short base-36 strings cover all 16384 slots after ~150k tries (coupon collector), in a few ms
    for (long i = 0; found < tags.length; i++) {
      String tag = Long.toString(i, 36);
      int slot = JedisClusterCRC16.getSlot(tag);
      if (tags[slot] == null) {
        tags[slot] = tag;
        found++;
      }
    }
    return new WatermarkShards(tags);
  }

  /** The watermark hash that guards {@code key}. */
  String watermarkOf(String key) {
    return Keyspace.liveApplied(tagBySlot == null ? SINGLE : tagBySlot[JedisClusterCRC16.getSlot(key)]);
  }
}
