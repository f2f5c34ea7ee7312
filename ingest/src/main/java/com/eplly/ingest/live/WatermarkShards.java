package com.eplly.ingest.live;

import com.eplly.contracts.redis.Keyspace;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Which watermark hash guards a live-state key. A script may only touch keys of one hash slot on a
 * Redis Cluster, so there each slot gets its own watermark, named with a hash tag that lands in that
 * slot; on one server a single watermark guards every key and a chunk is one script call.
 */
final class WatermarkShards {

  private static final int SLOTS = 16384;

  /** The one watermark key on a single server, or one per hash slot on a cluster (built once, not per key). */
  private final String[] watermarkBySlot;

  private WatermarkShards(String[] watermarkBySlot) {
    this.watermarkBySlot = watermarkBySlot;
  }

  /** One watermark for everything (a single Redis server). */
  static WatermarkShards single() {
    return new WatermarkShards(new String[] {Keyspace.liveApplied("all")});
  }

  /** One watermark per hash slot (a Redis Cluster). */
  static WatermarkShards perSlot() {
    String[] keys = new String[SLOTS];
    int found = 0;
    // short base-36 tags cover all 16384 slots after ~150k tries (coupon collector), in a few ms
    for (long i = 0; found < SLOTS; i++) {
      String tag = Long.toString(i, 36);
      int slot = JedisClusterCRC16.getSlot(tag);
      if (keys[slot] == null) {
        keys[slot] = Keyspace.liveApplied(tag);
        found++;
      }
    }
    return new WatermarkShards(keys);
  }

  /** The watermark hash that guards {@code key}. */
  String watermarkOf(String key) {
    return watermarkBySlot.length == 1 ? watermarkBySlot[0] : watermarkBySlot[JedisClusterCRC16.getSlot(key)];
  }
}
