package com.eplly.bench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eplly.contracts.redis.Keyspace;
import org.junit.jupiter.api.Test;

class RedisFootprintTest {

  @Test
  void groupsKeysByTheirFirstSegment() {
    assertEquals("reader", RedisFootprint.groupOf(Keyspace.readerRecent("r-1")));
    assertEquals("covisit", RedisFootprint.groupOf(Keyspace.coVisits("a-1")));
    assertEquals("plain", RedisFootprint.groupOf("plain"));
  }

  @Test
  void readsIntegerFieldsOfInfo() {
    String info = "# Memory\r\nused_memory:1048576\r\nused_memory_human:1.00M\r\nused_memory_dataset:4096\r\n";
    assertEquals(1_048_576L, RedisFootprint.infoField(info, "used_memory"));
    assertEquals(4_096L, RedisFootprint.infoField(info, "used_memory_dataset"));
    assertThrows(IllegalStateException.class, () -> RedisFootprint.infoField(info, "evicted_keys"));
  }
}
